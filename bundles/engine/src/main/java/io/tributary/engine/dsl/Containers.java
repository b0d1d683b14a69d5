package io.tributary.engine.dsl;

import java.util.Map;

import io.tributary.api.model.GraphNode;

/**
 * Which iteration or loop a node belongs to, read from {@code data} ({@code iteration_id} / {@code loop_id}; an
 * explicit {@code isInIteration: false} / {@code isInLoop: false} overrides a stale id).
 */
final class Containers {
    static final String ITERATION_ID = "iteration_id";
    static final String LOOP_ID = "loop_id";

    private Containers() {
    }

    static boolean isContainer(GraphNode n) {
        return GraphReader.ITERATION.equals(n.type()) || GraphReader.LOOP.equals(n.type());
    }

    /**
     * The node's direct container id as declared, whether or not it names a real container (that is reported
     * separately); null at the top level. This is also the node's scope for edges and cycles.
     */
    static String containerOf(GraphNode n, Map<String, GraphNode> byId) {
        String iteration = id(n.data(), ITERATION_ID, "isInIteration");
        String loop = id(n.data(), LOOP_ID, "isInLoop");
        if (iteration == null || loop == null) {
            return iteration != null ? iteration : loop;
        }
        // Nested: the direct container is the one that sits inside the other.
        GraphNode loopNode = byId.get(loop);
        if (loopNode != null && iteration.equals(id(loopNode.data(), ITERATION_ID, "isInIteration"))) {
            return loop;
        }
        return iteration;
    }

    /** The data field that names this container. */
    static String field(GraphNode n, String container) {
        return container.equals(id(n.data(), ITERATION_ID, "isInIteration")) ? "data." + ITERATION_ID
                : "data." + LOOP_ID;
    }

    private static String id(Map<String, Object> data, String idKey, String flagKey) {
        if (Boolean.FALSE.equals(data.get(flagKey))) {
            return null;
        }
        return Values.nonBlank(data.get(idKey));
    }
}
