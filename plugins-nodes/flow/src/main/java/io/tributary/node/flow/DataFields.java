package io.tributary.node.flow;

import java.util.List;
import java.util.Map;

/** Typed reads of a node's JSON-shaped {@code data}. */
final class DataFields {
    private DataFields() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> data, String key, List<String> problems) {
        Object v = data.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problems.add("'" + key + "' must be a list");
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                problems.add("'" + key + "[" + i + "]' must be an object");
                return List.of();
            }
        }
        return (List<Map<String, Object>>) list;
    }

    static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    static List<String> selector(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof List<?> l && l.size() >= 2 && l.stream().allMatch(String.class::isInstance)) {
            return (List<String>) l;
        }
        return null;
    }
}
