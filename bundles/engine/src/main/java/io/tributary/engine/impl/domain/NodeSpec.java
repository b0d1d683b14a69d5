package io.tributary.engine.impl.domain;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.engine.impl.errors.ErrorPolicy;
import io.tributary.engine.impl.errors.ErrorStrategy;

/**
 * One node of a run, resolved: its node type (held by a lease for the whole run), the version that was
 * resolved, how it is scheduled, its error policy, and the executor created at run start.
 *
 * @param index         position in the graph
 * @param node          the graph node
 * @param nodeType      the resolved factory
 * @param version       the resolved node-type version
 * @param executionType how it is scheduled
 * @param policy        its error handling
 * @param executor      the executor for top-level nodes; child nodes of containers get fresh ones per pass
 * @param iterationId   the enclosing iteration's id, or {@code null}
 * @param loopId        the enclosing loop's id, or {@code null}
 */
public record NodeSpec(int index, GraphNode node, NodeType nodeType, String version, ExecutionType executionType,
                       ErrorPolicy policy, NodeExecutor executor, String iterationId, String loopId) {

    /** True when the node takes only the edges of the handle it selects (branch nodes, fail-branch nodes). */
    public boolean selective() {
        return executionType == ExecutionType.BRANCH || policy.strategy() == ErrorStrategy.FAIL_BRANCH;
    }

    public String id() {
        return node.id();
    }

    public String type() {
        return node.type();
    }
}
