package io.tributary.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void freezingCopiesOnceAndReturnsFrozenValuesAsTheyAre() {
        List<Object> chunks = new ArrayList<>();
        chunks.add(new LinkedHashMap<>(Map.of("content", "a")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunks", chunks);
        Map<String, Object> frozen = JsonValues.freeze(m);
        chunks.add("later");
        assertEquals(1, ((List<?>) frozen.get("chunks")).size());
        assertSame(frozen, JsonValues.freeze(frozen));
        Object list = frozen.get("chunks");
        assertSame(list, JsonValues.freezeValue(list));
        // a new map holding a frozen list: the map is copied, the list is not
        Map<String, Object> next = JsonValues.freeze(Map.of("again", list));
        assertSame(list, next.get("again"));
    }

    @Test
    void frozenValuesCannotBeChanged() {
        Map<String, Object> frozen = JsonValues.freeze(Map.of("l", List.of(1), "m", Map.of("k", 1)));
        assertThrows(UnsupportedOperationException.class, () -> frozen.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> frozen.remove("l"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.entrySet().clear());
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) frozen.get("l");
        assertThrows(UnsupportedOperationException.class, () -> l.add(2));
        assertThrows(UnsupportedOperationException.class, () -> l.set(0, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) frozen.get("m");
        assertThrows(UnsupportedOperationException.class, () -> inner.put("k", 2));
    }

    @Test
    void nullValuesAndKeyOrderAreKept() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", null);
        m.put("a", 1);
        Map<String, Object> frozen = JsonValues.freeze(m);
        assertEquals(List.of("b", "a"), List.copyOf(frozen.keySet()));
        assertEquals(m, frozen);
    }
}
