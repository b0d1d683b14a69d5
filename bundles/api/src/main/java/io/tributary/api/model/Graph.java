package io.tributary.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A workflow or pipeline graph: nodes and edges, immutable. Validation (dangling edges, cycles, unknown
 * types) is the engine's job; a {@code Graph} only holds what was imported.
 *
 * @param nodes the nodes, in DSL order
 * @param edges the edges, in DSL order
 */
public record Graph(List<GraphNode> nodes, List<GraphEdge> edges) {
    public Graph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The node with this id, if any. */
    public Optional<GraphNode> node(String id) {
        for (GraphNode n : nodes) {
            if (n.id().equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
