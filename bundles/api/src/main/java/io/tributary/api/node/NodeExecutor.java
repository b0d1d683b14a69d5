package io.tributary.api.node;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Executes one node of one run. Created by {@link NodeType#create} when the run starts.
 */
@ConsumerType
@FunctionalInterface
public interface NodeExecutor {

    /**
     * Runs the node. Called on a virtual thread; blocking is fine. Must return promptly once the thread is
     * interrupted or {@link NodeContext#isCancelled()} turns true (stop, timeout).
     *
     * @return the node's outputs and, for branch nodes, the selected handle
     * @throws NodeExecutionException an expected failure, handled by the node's error strategy
     * @throws InterruptedException   when interrupted (the run was stopped or timed out)
     */
    NodeResult execute(NodeContext context) throws NodeExecutionException, InterruptedException;
}
