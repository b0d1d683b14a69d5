package io.tributary.node.chunkers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.api.node.Variables;

/**
 * A Dify tool node's parameters: {@code tool_configurations} (plain values or {@code {type, value}}) overlaid by
 * {@code tool_parameters} ({@code {name: {type: mixed|variable|constant, value}}}). {@code constant} values are
 * used as they are, {@code variable} values are selectors read from the variable pool, {@code mixed} values are
 * Dify templates ({@code {{#node.var#}}}) rendered to text — or, when the template is exactly one reference and
 * the caller wants the value itself (a file), read as that variable.
 */
final class ToolParameters {
    /** A value not known before the run (a variable or a template with references). */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "(known at run time)";
        }
    };

    private static final Pattern REFERENCE =
            Pattern.compile("\\{\\{#([a-zA-Z0-9_]{1,50}(?:\\.[a-zA-Z_][a-zA-Z0-9_]{0,29}){1,10})#\\}\\}");

    private record Param(String type, Object value) {
    }

    private final Map<String, Param> params;

    private ToolParameters(Map<String, Param> params) {
        this.params = params;
    }

    /** Reads both maps, adding a problem for every malformed entry. */
    static ToolParameters read(Map<String, Object> data, List<String> problems) {
        Map<String, Param> params = new LinkedHashMap<>();
        readMap(data, "tool_configurations", true, params, problems);
        readMap(data, "tool_parameters", false, params, problems);
        return new ToolParameters(params);
    }

    private static void readMap(Map<String, Object> data, String key, boolean plainAllowed, Map<String, Param> into,
            List<String> problems) {
        Object raw = data.get(key);
        if (raw == null) {
            return;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add("'" + key + "' must be an object");
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            String path = key + "." + name;
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && m.containsKey("type") && m.containsKey("value")) {
                String type = String.valueOf(m.get("type"));
                Object value = m.get("value");
                switch (type) {
                    case "constant" -> into.put(name, new Param(type, value));
                    case "mixed" -> {
                        if (value != null && !(value instanceof String)) {
                            problems.add("'" + path + ".value' must be a template string for type mixed");
                        } else {
                            into.put(name, new Param(type, value));
                        }
                    }
                    case "variable" -> {
                        if (!(value instanceof List<?> l) || l.size() < 2
                                || !l.stream().allMatch(String.class::isInstance)) {
                            problems.add("'" + path + ".value' must be a selector (a list of at least two strings)"
                                    + " for type variable");
                        } else {
                            into.put(name, new Param(type, value));
                        }
                    }
                    default -> problems.add("'" + path + ".type' must be mixed, variable or constant, got '" + type
                            + "'");
                }
            } else if (plainAllowed) {
                into.put(name, new Param("constant", v));
            } else {
                problems.add("'" + path + "' must be an object {type: mixed|variable|constant, value}");
            }
        }
    }

    boolean has(String name) {
        return params.containsKey(name) && params.get(name).value() != null;
    }

    /** The value when it is known before the run, {@link #UNKNOWN} when not, {@code null} when absent. */
    Object atImport(String name) {
        Param p = params.get(name);
        if (p == null || p.value() == null) {
            return null;
        }
        return switch (p.type()) {
            case "constant" -> p.value();
            case "mixed" -> REFERENCE.matcher((String) p.value()).find() ? UNKNOWN : p.value();
            default -> UNKNOWN;
        };
    }

    /** The value for this run: templates rendered to text; {@code null} when absent. */
    @SuppressWarnings("unchecked")
    Object resolve(String name, Variables variables) {
        Param p = params.get(name);
        if (p == null || p.value() == null) {
            return null;
        }
        return switch (p.type()) {
            case "constant" -> p.value();
            case "mixed" -> variables.render((String) p.value());
            default -> variables.get((List<String>) p.value());
        };
    }

    /** Like {@link #resolve}, but a template that is exactly one reference yields that variable's value. */
    Object resolveValue(String name, Variables variables) {
        Param p = params.get(name);
        if (p != null && "mixed".equals(p.type()) && p.value() instanceof String s) {
            Matcher m = REFERENCE.matcher(s.strip());
            if (m.matches()) {
                return variables.get(Arrays.asList(m.group(1).split("\\.")));
            }
        }
        return resolve(name, variables);
    }
}
