package io.tributary.api.engine;

import java.util.Objects;

/**
 * One thing wrong with a graph or a run request.
 *
 * @param nodeId  the node concerned, or {@code null} for the graph as a whole (e.g. a cycle or no root)
 * @param message a sentence for people, e.g. {@code node type 'llm' version '2' is not installed}
 */
public record GraphProblem(String nodeId, String message) {
    public GraphProblem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return nodeId == null ? message : "node '" + nodeId + "': " + message;
    }
}
