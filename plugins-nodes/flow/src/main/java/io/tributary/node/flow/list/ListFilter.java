package io.tributary.node.flow.list;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.tributary.node.flow.Substrings;
import io.tributary.node.flow.Values;
import io.tributary.node.flow.branch.Condition;

/**
 * Builds the element predicates of {@code list-operator}'s {@code filter_by} for arrays of strings, numbers,
 * booleans, files (by {@code key}: name, extension, mime_type, url, related_id, type, transfer_method, size)
 * and objects (by {@code key}, compared as text or number by the value found).
 */
final class ListFilter {
    static final Set<String> STRING_OPS = Set.of("contains", "start with", "end with", "is", "in", "empty",
            "not contains", "is not", "not in", "not empty");
    static final Set<String> NUMBER_OPS = Set.of("=", "≠", "<", ">", "≥", "≤");

    private ListFilter() {
    }

    /** A predicate for elements of the given kind; {@link IllegalArgumentException} when it cannot apply. */
    static Predicate<Object> build(String kind, String key, String op, Object value) {
        return switch (kind) {
            case "string" -> forString(op, value);
            case "number" -> forNumber(op, value);
            case "boolean" -> forBoolean(op, value);
            case "file" -> forFile(key, op, value);
            case "object" -> forObject(key, op, value);
            default -> throw new IllegalArgumentException("cannot filter an array of " + kind);
        };
    }

    private static Predicate<Object> forString(String op, Object value) {
        if (op.equals("empty")) {
            return x -> !Values.truthy(x);
        }
        if (op.equals("not empty")) {
            return Values::truthy;
        }
        if (op.equals("in") || op.equals("not in")) {
            Predicate<Object> in = value instanceof List<?> l ? x -> Values.containsLoose(l, x)
                    : x -> x != null && Substrings.contains(String.valueOf(value), String.valueOf(x));
            return op.equals("in") ? in : in.negate();
        }
        if (!(value instanceof String v)) {
            throw new IllegalArgumentException("filter '" + op + "' needs a text value");
        }
        Predicate<Object> p = switch (op) {
            case "contains", "not contains" -> x -> x != null && Substrings.contains(String.valueOf(x), v);
            case "start with" -> x -> x != null && String.valueOf(x).startsWith(v);
            case "end with" -> x -> x != null && String.valueOf(x).endsWith(v);
            case "is", "is not" -> x -> v.equals(x);
            default -> throw new IllegalArgumentException("filter '" + op + "' does not apply to text");
        };
        return op.startsWith("not") || op.equals("is not") ? p.negate() : p;
    }

    private static Predicate<Object> forNumber(String op, Object value) {
        BigDecimal v = Values.toDecimal(value);
        if (v == null) {
            throw new IllegalArgumentException("filter '" + op + "' needs a number, got '" + value + "'");
        }
        Predicate<Integer> cmp = switch (op) {
            case "=" -> c -> c == 0;
            case "≠" -> c -> c != 0;
            case "<" -> c -> c < 0;
            case ">" -> c -> c > 0;
            case "≤" -> c -> c <= 0;
            case "≥" -> c -> c >= 0;
            default -> throw new IllegalArgumentException("filter '" + op + "' does not apply to numbers");
        };
        return x -> {
            BigDecimal d = Values.toDecimal(x);
            return d != null && cmp.test(d.compareTo(v));
        };
    }

    private static Predicate<Object> forBoolean(String op, Object value) {
        Object v = value instanceof String s ? Values.parseBoolean(s) : value;
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("filter '" + op + "' on booleans needs true or false");
        }
        return switch (op) {
            case "is" -> b::equals;
            case "is not" -> x -> !b.equals(x);
            default -> throw new IllegalArgumentException("filter '" + op + "' does not apply to booleans");
        };
    }

    private static Predicate<Object> forFile(String key, String op, Object value) {
        if (key == null || !Condition.FILE_KEYS.contains(key)) {
            throw new IllegalArgumentException("filter key '" + key + "' is not one of " + Condition.FILE_KEYS);
        }
        Predicate<Object> p = key.equals("size") ? forNumber(op, value) : forString(op, value);
        return f -> p.test(key.equals("size") ? Values.fileAttribute(f, key) : text(Values.fileAttribute(f, key)));
    }

    private static Predicate<Object> forObject(String key, String op, Object value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("filtering an array of objects needs a key");
        }
        Predicate<Object> p = NUMBER_OPS.contains(op) ? forNumber(op, value) : forString(op, value);
        return o -> p.test(o instanceof Map<?, ?> m ? m.get(key) : null);
    }

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }
}
