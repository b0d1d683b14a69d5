package io.tributary.node.flow.container;

import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;

/**
 * The entry node Dify puts first in an iteration's or loop's child graph ({@code iteration-start},
 * {@code loop-start}): no data, no outputs; it only gives the child graph its root (the container's
 * {@code start_node_id}).
 */
abstract class ContainerStartNodeType implements NodeType {
    private static final NodeResult EMPTY = NodeResult.of(Map.of());

    @Override
    public NodeExecutor create(GraphNode node) {
        return ctx -> EMPTY;
    }
}
