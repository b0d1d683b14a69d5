package io.tributary.node.flow;

import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;

/**
 * Typed reads of a node's JSON-shaped {@code data}, collecting problems instead of failing at the first, in the
 * flow nodes' own wording: booleans are JSON booleans only and integers whole numbers or their text, each wrong
 * value reported without the value ({@code 'is_parallel' must be true or false}), which differs from the API's
 * {@link io.tributary.api.node.NodeData} (lenient booleans, {@code got '…'} suffixes) that the flow nodes use for
 * variable selectors and template references and, where their messages agree, for whole nodes.
 */
public final class DataFields {
    private DataFields() {
    }

    /** A list of objects at {@code key}; empty when absent. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> data, String key, List<String> problems) {
        return objects(data, key, key, problems);
    }

    /** As {@link #objects(Map, String, List)}, naming the field {@code path} in problems. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> data, String key, String path,
            List<String> problems) {
        Object v = data.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problems.add("'" + path + "' must be a list");
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                problems.add("'" + path + "[" + i + "]' must be an object");
                return List.of();
            }
        }
        return (List<Map<String, Object>>) list;
    }

    /** The object at {@code key}, or an empty map (with a problem when it is present but not an object). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> data, String key, String path, List<String> problems) {
        Object v = data.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add("'" + path + "' must be an object");
            return Map.of();
        }
        return (Map<String, Object>) m;
    }

    public static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof String s ? s : null;
    }

    /** A boolean; {@code dflt} when absent, with a problem when it has another type. */
    public static boolean bool(Map<String, Object> m, String key, boolean dflt, String path, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problems.add("'" + path + "' must be true or false");
        return dflt;
    }

    /** An integer (a JSON number without fraction, or such a string); {@code dflt} when absent. */
    public static Long integer(Map<String, Object> m, String key, Long dflt, String path, List<String> problems) {
        Object v = m.get(key);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return dflt;
        }
        try {
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            if (v instanceof String s) {
                return Long.parseLong(s.trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("'" + path + "' must be an integer");
        return dflt;
    }

    /** Throws every problem, each prefixed with the node id. */
    public static void throwIfAny(GraphNode node, List<String> problems) throws NodeValidationException {
        if (!problems.isEmpty()) {
            throw new NodeValidationException(problems.stream().map(p -> "node '" + node.id() + "': " + p).toList());
        }
    }
}
