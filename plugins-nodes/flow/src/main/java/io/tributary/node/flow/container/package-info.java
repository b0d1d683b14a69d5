/**
 * Containers: {@code iteration} and {@code loop}, their child-graph roots {@code iteration-start} and
 * {@code loop-start}, {@code loop-end}, and what only they use — the executors that run the passes through
 * {@link io.tributary.api.node.NodeContext#subgraph()}, the loop variables and the per-pass scoped variables,
 * and the shared checks of their {@code data} ({@code start_node_id}). One folder because a container and its
 * start/end nodes change together (graphon's {@code nodes/iteration}, {@code nodes/loop}).
 */
package io.tributary.node.flow.container;
