package io.tributary.http;

import java.util.Set;

import io.javalin.http.Context;

/**
 * Query-string parameters with Dify's defaults and ranges. A value of the wrong type or out of range is the
 * client's fault: 400 {@code invalid_param} naming the parameter.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** An integer in {@code [min, max]}, {@code def} when absent or empty. */
    public static int integer(Context ctx, String name, int def, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return def;
        }
        int v;
        try {
            v = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_param", name + " must be an integer.");
        }
        if (v < min || v > max) {
            throw ApiException.badRequest("invalid_param", name + " must be between " + min + " and " + max + ".");
        }
        return v;
    }

    /** A boolean ({@code true/false}, {@code 1/0}, case-insensitive), {@code def} when absent or empty. */
    public static boolean bool(Context ctx, String name, boolean def) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return def;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest("invalid_param", name + " must be true or false.");
        };
    }

    /** A string, {@code null} when absent or blank; 400 when it is not one of {@code allowed} (if given). */
    public static String string(Context ctx, String name, Set<String> allowed) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (allowed != null && !allowed.contains(raw)) {
            throw ApiException.badRequest("invalid_param", name + " must be one of " + String.join(", ",
                    allowed.stream().sorted().toList()) + ".");
        }
        return raw;
    }
}
