package io.tributary.engine.impl.domain;

import java.util.Map;

import io.tributary.api.model.GraphNode;

/**
 * The one rule for which iteration or loop a node belongs to, used at import and at run start alike.
 *
 * <p>Dify's engine picks a container's children by {@code data.iteration_id} (iteration) and
 * {@code data.loop_id} (loop), and its canvas writes the id of the <em>direct</em> parent there (the importer
 * fills the id in from the canvas {@code parentId} where Dify left it out). So:
 * <ul>
 * <li>a node names its container in {@code data.iteration_id} or {@code data.loop_id}; an explicit
 *     {@code isInIteration: false} / {@code isInLoop: false} means the id is stale (a node copied out of a
 *     container) and is ignored;</li>
 * <li>a node that names both (a child of a loop nested in an iteration, or the reverse) belongs to the one
 *     that itself sits inside the other; when neither does, the iteration wins and the edges will tell.</li>
 * </ul>
 * Whether the id names a real container, or one nested in the node itself, is checked by
 * {@link GraphStructure}.
 */
public final class Containers {
    public static final String ITERATION = "iteration";
    public static final String LOOP = "loop";
    public static final String ITERATION_ID = "iteration_id";
    public static final String LOOP_ID = "loop_id";

    private Containers() {
    }

    /** Whether the node's type makes it a container (Dify's two). */
    public static boolean isContainer(GraphNode n) {
        return ITERATION.equals(n.type()) || LOOP.equals(n.type());
    }

    /**
     * The node's direct container id as declared, whether or not it names a real container; null at the top
     * level.
     */
    public static String containerOf(GraphNode n, Map<String, GraphNode> byId) {
        String iteration = id(n.data(), ITERATION_ID, "isInIteration");
        String loop = id(n.data(), LOOP_ID, "isInLoop");
        if (iteration == null || loop == null) {
            return iteration != null ? iteration : loop;
        }
        GraphNode loopNode = byId.get(loop);
        if (loopNode != null && iteration.equals(id(loopNode.data(), ITERATION_ID, "isInIteration"))) {
            return loop; // the loop sits in the iteration
        }
        return iteration;
    }

    /** The data field that names this container. */
    public static String field(GraphNode n, String container) {
        return container.equals(id(n.data(), ITERATION_ID, "isInIteration")) ? "data." + ITERATION_ID
                : "data." + LOOP_ID;
    }

    private static String id(Map<String, Object> data, String idKey, String flagKey) {
        if (Boolean.FALSE.equals(data.get(flagKey))) {
            return null;
        }
        Object v = data.get(idKey);
        String s = v instanceof String || v instanceof Number ? v.toString() : null; // ids may be unquoted digits
        return s == null || s.isBlank() ? null : s;
    }
}
