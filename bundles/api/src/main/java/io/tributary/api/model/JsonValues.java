package io.tributary.api.model;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Helpers for the JSON-shaped values ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}) that flow through graphs and node data.
 *
 * <p>Freezing is idempotent and cheap on frozen values: a map or list this class froze before is returned as it
 * is, not copied again, so a large value (a document's chunk list) passed from node to node is copied once, when
 * it is first frozen, however many results, events and records carry it afterwards.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * A deep, unmodifiable copy of a JSON-shaped map that keeps key order and allows {@code null} values
     * (which {@link Map#copyOf} does not); {@code map} itself when it was frozen by this class before.
     */
    public static Map<String, Object> freeze(Map<String, ?> map) {
        if (map instanceof FrozenMap f) {
            return f;
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
        map.forEach((k, v) -> copy.put(k, freezeValue(v)));
        return new FrozenMap(copy);
    }

    /**
     * A deep, unmodifiable copy of a JSON-shaped value; scalars are returned as they are, and so are maps and
     * lists frozen by this class before.
     */
    @SuppressWarnings("unchecked")
    public static Object freezeValue(Object value) {
        if (value instanceof FrozenMap || value instanceof FrozenList) {
            return value;
        }
        if (value instanceof Map<?, ?> m) {
            return freeze((Map<String, ?>) m);
        }
        if (value instanceof List<?> l) {
            Object[] copy = new Object[l.size()];
            int i = 0;
            for (Object o : l) {
                copy[i++] = freezeValue(o);
            }
            return new FrozenList(i == copy.length ? copy : Arrays.copyOf(copy, i));
        }
        return value;
    }

    /** A frozen map: unmodifiable, and every value in it frozen. */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> view;

        FrozenMap(LinkedHashMap<String, Object> map) {
            this.view = Collections.unmodifiableMap(map);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public Object get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            view.forEach(action);
        }
    }

    /** A frozen list: unmodifiable, and every element in it frozen. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final Object[] items;

        FrozenList(Object[] items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
