package io.tributary.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the JSON-shaped values ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}) that flow through graphs and node data.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * A deep, unmodifiable copy of a JSON-shaped map that keeps key order and allows {@code null} values
     * (which {@link Map#copyOf} does not).
     */
    public static Map<String, Object> freeze(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freezeValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** A deep, unmodifiable copy of a JSON-shaped value; scalars are returned as they are. */
    @SuppressWarnings("unchecked")
    public static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return freeze((Map<String, ?>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(freezeValue(o));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
