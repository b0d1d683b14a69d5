package io.tributary.node.knowledge;

import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;

/** Typed reads of a node's JSON-shaped {@code data} and of variables, collecting problems instead of failing. */
public final class NodeData {
    private NodeData() {
    }

    /** The text at {@code key}, or {@code null} when absent or not text. */
    public static String string(Map<String, ?> m, String key) {
        return m != null && m.get(key) instanceof String s ? s : null;
    }

    /** The text at {@code key} with surrounding blanks removed, or {@code null} when absent, blank or not text. */
    public static String text(Map<String, ?> m, String key) {
        String s = string(m, key);
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The object at {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, ?> m, String key) {
        return m != null && m.get(key) instanceof Map<?, ?> o ? (Map<String, Object>) o : null;
    }

    /** A variable selector: a list of at least two strings, else {@code null}. */
    @SuppressWarnings("unchecked")
    public static List<String> selector(Object v) {
        if (v instanceof List<?> l && l.size() >= 2 && l.stream().allMatch(String.class::isInstance)) {
            return (List<String>) l;
        }
        return null;
    }

    /** Throws every problem, each prefixed with the node id. */
    public static void throwIfAny(GraphNode node, List<String> problems) throws NodeValidationException {
        if (!problems.isEmpty()) {
            throw new NodeValidationException(problems.stream().map(p -> "node '" + node.id() + "': " + p).toList());
        }
    }
}
