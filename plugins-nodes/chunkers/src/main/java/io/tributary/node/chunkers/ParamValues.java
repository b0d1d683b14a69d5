package io.tributary.node.chunkers;

import java.util.List;
import java.util.Locale;

/**
 * Coerces tool parameter values (which arrive as JSON values or, from templates, as text) to the types the
 * chunkers need, collecting a problem for each bad one. {@link ToolParameters#UNKNOWN} and {@code null} yield the
 * default without a problem.
 */
final class ParamValues {
    private ParamValues() {
    }

    static int integer(String name, Object v, int dflt, List<String> problems) {
        if (v == null || v == ToolParameters.UNKNOWN || (v instanceof String s && s.isBlank())) {
            return dflt;
        }
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).strip());
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("'" + name + "' must be an integer, got '" + v + "'");
        return dflt;
    }

    static boolean bool(String name, Object v, boolean dflt, List<String> problems) {
        if (v == null || v == ToolParameters.UNKNOWN || (v instanceof String s && s.isBlank())) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        switch (String.valueOf(v).strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> {
                return true;
            }
            case "false", "0", "no", "off" -> {
                return false;
            }
            default -> {
                problems.add("'" + name + "' must be true or false, got '" + v + "'");
                return dflt;
            }
        }
    }

    static String string(String name, Object v, String dflt, List<String> problems) {
        if (v == null || v == ToolParameters.UNKNOWN) {
            return dflt;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        problems.add("'" + name + "' must be text, got " + v.getClass().getSimpleName());
        return dflt;
    }

    /** The text to chunk: a string, or a list of strings (one per file) joined by blank lines. */
    static String text(String name, Object v, List<String> problems) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return String.join("\n\n", l.stream().map(String.class::cast).toList());
        }
        if (v == null) {
            problems.add("'" + name + "' is required; it resolved to nothing");
        } else {
            problems.add("'" + name + "' must be text, got " + v.getClass().getSimpleName());
        }
        return "";
    }
}
