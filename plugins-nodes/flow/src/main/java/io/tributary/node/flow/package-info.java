/**
 * Dify flow node types: {@code start} (the run's inputs) and {@code end} (the run's outputs). Private: the
 * bundle registers {@link io.tributary.api.node.NodeType} services and exports nothing.
 */
package io.tributary.node.flow;
