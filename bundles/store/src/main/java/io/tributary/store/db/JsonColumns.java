package io.tributary.store.db;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Maps and lists of JSON values to and from text columns (the embedded Jackson). */
public final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    /** The map as JSON text ({@code {}} for {@code null}). */
    public static String write(Map<String, Object> value) {
        return text(value == null ? Map.of() : value);
    }

    /** The strings as a JSON array ({@code []} for {@code null}). */
    public static String writeStrings(List<String> value) {
        return text(value == null ? List.of() : value);
    }

    private static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON values: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON object in that text; empty for {@code null}, empty or unreadable text. */
    public static Map<String, Object> read(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The JSON array of strings in that text; empty for {@code null}, empty or unreadable text. */
    public static List<String> readStrings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
