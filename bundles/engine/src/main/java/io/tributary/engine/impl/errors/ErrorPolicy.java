package io.tributary.engine.impl.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.engine.impl.variables.Json;

/**
 * A node's error handling, read from Dify's common node fields: {@code error_strategy},
 * {@code default_value: [{key, type, value}]} and
 * {@code retry_config: {retry_enabled, max_retries, retry_interval (ms)}}.
 *
 * @param strategy       what happens after the last failed attempt
 * @param defaults       the default outputs for {@code default-value}, typed
 * @param maxRetries     retries after the first attempt (0 = none)
 * @param retryIntervalMillis wait before each retry
 */
public record ErrorPolicy(ErrorStrategy strategy, Map<String, Object> defaults, int maxRetries,
                          long retryIntervalMillis) {
    /** No strategy, no retry. */
    public static final ErrorPolicy NONE = new ErrorPolicy(ErrorStrategy.NONE, Map.of(), 0, 0);

    /**
     * Reads a node's policy.
     *
     * @param problems where to add problems (each a sentence naming the field); the result is then partial
     */
    public static ErrorPolicy of(GraphNode node, List<String> problems) {
        Map<String, Object> data = node.data();
        Object s = data.get("error_strategy");
        ErrorStrategy strategy = ErrorStrategy.NONE;
        if (s != null && !"none".equals(s) && !"".equals(s)) {
            if ("fail-branch".equals(s)) {
                strategy = ErrorStrategy.FAIL_BRANCH;
            } else if ("default-value".equals(s)) {
                strategy = ErrorStrategy.DEFAULT_VALUE;
            } else {
                problems.add("error_strategy '" + s + "' is not one of fail-branch, default-value");
            }
        }
        Map<String, Object> defaults = strategy == ErrorStrategy.DEFAULT_VALUE ? defaults(data, problems) : Map.of();
        int maxRetries = 0;
        long interval = 0;
        if (data.get("retry_config") instanceof Map<?, ?> rc && Boolean.TRUE.equals(rc.get("retry_enabled"))) {
            maxRetries = intField(rc.get("max_retries"), "retry_config.max_retries", problems);
            interval = intField(rc.get("retry_interval"), "retry_config.retry_interval", problems);
        }
        if (strategy == ErrorStrategy.NONE && maxRetries == 0) {
            return NONE;
        }
        return new ErrorPolicy(strategy, defaults, maxRetries, interval);
    }

    private static int intField(Object v, String name, List<String> problems) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (v instanceof String str) {
            try {
                int i = Integer.parseInt(str.trim());
                if (i >= 0) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(name + " must be a non-negative integer, not '" + v + "'");
        return 0;
    }

    private static Map<String, Object> defaults(Map<String, Object> data, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(data.get("default_value") instanceof List<?> list)) {
            if (data.get("default_value") != null) {
                problems.add("default_value must be a list of {key, type, value}");
            }
            return Map.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("key") instanceof String key)
                    || key.isEmpty()) {
                problems.add("default_value[" + i + "] needs a non-empty key");
                continue;
            }
            String type = entry.get("type") instanceof String t ? t : "string";
            try {
                out.put(key, typed(type, entry.get("value")));
            } catch (IllegalArgumentException e) {
                problems.add("default_value[" + i + "] (" + key + "): " + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Dify's rule: a string value is JSON-parsed for non-string types, then checked against the type. */
    static Object typed(String type, Object value) {
        Object v = value;
        if (!"string".equals(type) && value instanceof String s) {
            v = "number".equals(type) ? number(s) : Json.parse(s);
        }
        boolean ok = switch (type) {
            case "string" -> v == null || v instanceof String;
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "object" -> v instanceof Map;
            case "array[number]" -> v instanceof List<?> l && l.stream().allMatch(Number.class::isInstance);
            case "array[string]" -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case "array[object]", "array[file]" -> v instanceof List<?> l && l.stream().allMatch(Map.class::isInstance);
            case "array[boolean]" -> v instanceof List<?> l && l.stream().allMatch(Boolean.class::isInstance);
            case "array", "array[any]" -> v instanceof List;
            default -> throw new IllegalArgumentException("unknown type '" + type + "'");
        };
        if (!ok) {
            throw new IllegalArgumentException("value " + value + " is not of type " + type);
        }
        return v;
    }

    private static Object number(String s) {
        try {
            String t = s.trim();
            return t.contains(".") || t.contains("e") || t.contains("E") ? (Object) Double.parseDouble(t)
                    : (Object) Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }

    /** Dify's name of the strategy for the {@code error_strategy} metadata, or {@code null}. */
    public String strategyName() {
        return strategy.wireName();
    }

}
