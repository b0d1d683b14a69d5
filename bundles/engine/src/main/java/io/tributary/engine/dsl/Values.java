package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lenient reads of JSON-shaped values, as Dify's pydantic models read them. */
final class Values {
    private Values() {
    }

    /** A scalar as text ({@code 1752479895761} and {@code '1752479895761'} are the same id); else null. */
    static String text(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        return null;
    }

    /** Non-blank text, or null. */
    static String nonBlank(Object o) {
        String s = text(o);
        return s == null || s.isBlank() ? null : s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : null;
    }

    /** {@code true}, {@code "true"} (any case) → true; anything else false. */
    static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o instanceof String s && s.equalsIgnoreCase("true");
    }

    /** A list of scalars as strings; null when absent or not a list. */
    static List<String> strings(Object o) {
        List<Object> l = list(o);
        if (l == null) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object item : l) {
            String s = text(item);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** An integer from a number or numeric string; null otherwise. */
    static Integer integer(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
