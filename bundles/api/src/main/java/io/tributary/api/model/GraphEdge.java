package io.tributary.api.model;

import java.util.Objects;

/**
 * A directed edge between two nodes. {@code sourceHandle} names the branch of the source node that takes
 * this edge ({@code "source"} for plain nodes, a case id or {@code "false"} for if-else,
 * {@code "fail-branch"} for a node's failure branch).
 *
 * @param id           edge id (generated when the DSL has none)
 * @param source       id of the node the edge leaves
 * @param sourceHandle branch handle of the source; {@code "source"} when absent
 * @param target       id of the node the edge enters
 */
public record GraphEdge(String id, String source, String sourceHandle, String target) {
    /** The handle of a plain (non-branch) edge. */
    public static final String DEFAULT_HANDLE = "source";

    public GraphEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        sourceHandle = sourceHandle == null || sourceHandle.isEmpty() ? DEFAULT_HANDLE : sourceHandle;
        id = id == null || id.isEmpty() ? source + "-" + sourceHandle + "-" + target : id;
    }
}
