package io.tributary.node.flow;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Dify's (Python's) notions of truth, number, equality, type name and File over the JSON-shaped values of the
 * variable pool. Every node family reads values by these rules (start, branch, list, variables, container), so
 * they have one home at the root.
 */
public final class Values {
    private Values() {
    }

    /** Python truthiness: {@code null}, {@code ""}, {@code 0}, {@code false}, empty list or object are false. */
    public static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return decimal(n).signum() != 0;
        }
        if (v instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    public static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return new BigDecimal(n.toString());
    }

    /** Parses "true"/"false"/"1"/"0" as Dify does for boolean variables; other text stays text. */
    public static Object parseBoolean(String s) {
        return switch (s.trim().toLowerCase()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> s;
        };
    }

    /** A number from a number or numeric string; {@code null} when it is neither. */
    public static BigDecimal toDecimal(Object v) {
        if (v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return decimal(n);
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A JSON number: {@code Long} when integral, else {@code Double}. */
    public static Number toJsonNumber(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return s.longValueExact();
        }
        return d.doubleValue();
    }

    /** Equality that also matches numbers by value ({@code 1 == 1.0 == "1"}) and booleans with "true"/"false". */
    public static boolean looseEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof Number || b instanceof Number) {
            BigDecimal x = toDecimal(a);
            BigDecimal y = toDecimal(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return String.valueOf(a).equalsIgnoreCase(String.valueOf(b));
        }
        return false;
    }

    /** True when some element of the list loosely equals {@code v}. */
    public static boolean containsLoose(List<?> list, Object v) {
        for (Object o : list) {
            if (looseEquals(o, v)) {
                return true;
            }
        }
        return false;
    }

    /** A file value: an object shaped like Dify's File ({@code dify_model_identity} or {@code transfer_method}). */
    public static boolean isFile(Object v) {
        return v instanceof Map<?, ?> m
                && ("__dify__file__".equals(m.get("dify_model_identity")) || m.containsKey("transfer_method"));
    }

    /** A Dify segment type name for messages: string, number, boolean, object, file, array[...], none. */
    public static String typeName(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (isFile(v)) {
            return "file";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List<?> l) {
            String element = null;
            for (Object o : l) {
                String t = typeName(o);
                if (element != null && !element.equals(t)) {
                    return "array[any]";
                }
                element = t;
            }
            return element == null ? "array[any]" : "array[" + element + "]";
        }
        return v.getClass().getSimpleName();
    }

    /** A file attribute by Dify's names: name, type, size, extension, mime_type, transfer_method, url, related_id. */
    public static Object fileAttribute(Object file, String key) {
        if (!(file instanceof Map<?, ?> m)) {
            return null;
        }
        return switch (key) {
            case "name" -> m.get("filename") != null ? m.get("filename") : m.get("name");
            case "url" -> m.get("remote_url") != null ? m.get("remote_url") : m.get("url");
            default -> m.get(key);
        };
    }
}
