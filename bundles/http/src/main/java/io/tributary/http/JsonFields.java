package io.tributary.http;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of fields of a JSON object body. A field of the wrong JSON type, or a required one that is missing,
 * is 400 {@code invalid_param} with a message that names the field.
 */
public final class JsonFields {
    private JsonFields() {
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_param", message);
    }

    /** A required field must be present and not null. */
    private static Object required(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            throw invalid(field + " is required.");
        }
        return v;
    }

    /** A required string field (may be empty). */
    public static String requiredString(Map<String, Object> body, String field) {
        Object v = required(body, field);
        if (v instanceof String s) {
            return s;
        }
        throw invalid(field + " must be a string.");
    }

    /** A required string field that must be one of {@code allowed}. */
    public static String requiredEnum(Map<String, Object> body, String field, List<String> allowed) {
        String v = requiredString(body, field);
        if (!allowed.contains(v)) {
            throw invalid(field + " must be one of " + String.join(", ", allowed) + "; got '" + v + "'.");
        }
        return v;
    }

    /** An optional string field that must be one of {@code allowed} when present; {@code def} when absent. */
    public static String optionalEnum(Map<String, Object> body, String field, List<String> allowed, String def) {
        return body.get(field) == null ? def : requiredEnum(body, field, allowed);
    }

    /** A required boolean field. */
    public static boolean requiredBool(Map<String, Object> body, String field) {
        Object v = required(body, field);
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid(field + " must be a boolean.");
    }

    /** An optional boolean field, {@code def} when absent or null. */
    public static boolean optionalBool(Map<String, Object> body, String field, boolean def) {
        return body.get(field) == null ? def : requiredBool(body, field);
    }

    /** A required JSON object field. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> requiredObject(Map<String, Object> body, String field) {
        Object v = required(body, field);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw invalid(field + " must be an object.");
    }

    /** An optional JSON object field, {@code null} when absent or null. */
    public static Map<String, Object> optionalObject(Map<String, Object> body, String field) {
        return body.get(field) == null ? null : requiredObject(body, field);
    }

    /** A required array of JSON objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> requiredObjectList(Map<String, Object> body, String field) {
        Object v = required(body, field);
        if (!(v instanceof List<?> list)) {
            throw invalid(field + " must be an array.");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?>)) {
                throw invalid(field + "[" + i + "] must be an object.");
            }
        }
        return (List<Map<String, Object>>) list;
    }

    /** An optional integer field in {@code [min, max]}, {@code def} when absent; 400 for fractions or strings. */
    public static int optionalInt(Map<String, Object> body, String field, int def, int min, int max) {
        Object v = body.get(field);
        if (v == null) {
            return def;
        }
        if (v instanceof java.math.BigInteger) {
            throw invalid(field + " must be between " + min + " and " + max + ".");
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw invalid(field + " must be an integer.");
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            throw invalid(field + " must be between " + min + " and " + max + ".");
        }
        return (int) n;
    }

    /** An optional number field in {@code [min, max]}, {@code null} when absent. */
    public static Double optionalNumber(Map<String, Object> body, String field, double min, double max) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw invalid(field + " must be a number.");
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || d < min || d > max) {
            throw invalid(field + " must be between " + min + " and " + max + ".");
        }
        return d;
    }
}
