package io.tributary.api.node;

/** How the engine schedules a node type, as in Dify's engine. */
public enum ExecutionType {
    /** A root of the graph: runs first ({@code start}, {@code datasource}). */
    ROOT,
    /** An ordinary node: all outgoing edges are taken on success. */
    EXECUTABLE,
    /** Selects one outgoing {@code sourceHandle} ({@code if-else}). */
    BRANCH,
    /** Produces the run's response and may stream it ({@code end}, {@code answer}, {@code knowledge-index}). */
    RESPONSE,
    /** Runs a sub-graph ({@code iteration}, {@code loop}). */
    CONTAINER
}
