package io.tributary.node.chunkers;

import java.util.List;

import io.tributary.api.node.NodeData;

/**
 * Coerces tool parameter values (which arrive as JSON values or, from templates, as text) to the types the
 * chunkers need (with the API's {@link NodeData#integerOf} and {@link NodeData#boolOf} rules), collecting a problem
 * for each bad one. {@link ToolParameters#UNKNOWN} and {@code null} yield the
 * default without a problem.
 */
final class ParamValues {
    private ParamValues() {
    }

    static int integer(String name, Object v, int dflt, List<String> problems) {
        if (v == null || v == ToolParameters.UNKNOWN || (v instanceof String s && s.isBlank())) {
            return dflt;
        }
        Integer i = NodeData.integerOf(v);
        if (i != null) {
            return i;
        }
        problems.add("'" + name + "' must be an integer, got '" + v + "'");
        return dflt;
    }

    static boolean bool(String name, Object v, boolean dflt, List<String> problems) {
        if (v == null || v == ToolParameters.UNKNOWN || (v instanceof String s && s.isBlank())) {
            return dflt;
        }
        Boolean b = NodeData.boolOf(v);
        if (b == null) {
            problems.add("'" + name + "' must be true or false, got '" + v + "'");
            return dflt;
        }
        return b;
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
