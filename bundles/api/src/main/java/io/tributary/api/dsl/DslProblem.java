package io.tributary.api.dsl;

import java.util.Objects;

/**
 * One problem found in a DSL document.
 *
 * <p>{@code field} says where: relative to the node when {@code nodeId} is set ({@code data.type},
 * {@code data.version}, {@code data}, {@code parentId}, {@code id}); otherwise a path from the document root
 * ({@code kind}, {@code app.mode}, {@code workflow.environment_variables[0].value_type},
 * {@code workflow.graph.nodes[3].id}). Edge problems use {@code workflow.graph.edges[<edge id>]}, followed by
 * {@code .source} or {@code .target} for a missing end, and name an existing end of the edge, if any, as the
 * node. A cycle is reported once, on {@code workflow.graph.edges}, naming its first node in document order.
 *
 * <p>Messages never quote variable values, so a problem list can be shown and logged even when the document
 * holds secrets.
 *
 * @param nodeId  the node concerned, or {@code null}
 * @param field   where in the document (never {@code null}; empty for the document as a whole)
 * @param message what is wrong, one sentence
 */
public record DslProblem(String nodeId, String field, String message) {
    public DslProblem {
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
    }

    /** A problem of the document, not of a node. */
    public static DslProblem of(String field, String message) {
        return new DslProblem(null, field, message);
    }

    /** A problem of one node. */
    public static DslProblem ofNode(String nodeId, String field, String message) {
        return new DslProblem(nodeId, field, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (nodeId != null) {
            sb.append("node '").append(nodeId).append("' ");
        }
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
