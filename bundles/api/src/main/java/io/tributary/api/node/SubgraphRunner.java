package io.tributary.api.node;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a container node's child graph through the engine ({@code iteration}, {@code loop}). The child graph is
 * made of the graph's nodes whose {@code data.iteration_id}, {@code data.loop_id} or {@code data.parentId}
 * names the container; its root is the container's {@code data.start_node_id} when that names a child,
 * otherwise every child without incoming edges.
 *
 * <p>Each {@link #run} is one pass with a fresh scope: the pass's local variables are readable as
 * {@code [container_id, name]} (an iteration passes {@code item} and {@code index}), child outputs are written
 * to the pass's scope only, and everything the container can read stays readable. Child node events carry the
 * container's id ({@code iteration_id}/{@code loop_id}) and the pass index in their metadata; child executions
 * count towards the run's step limit; stopping the run stops every pass.
 *
 * <p>Thread-safe: a container may run several passes at once (parallel iteration) from threads of its own.
 * Each pass creates fresh executors for the child nodes.
 */
@ProviderType
public interface SubgraphRunner {

    /**
     * Runs one pass and waits for it to end. Emits a {@link io.tributary.api.event.ContainerNext} first.
     *
     * @param index          the pass index (0-based), shown in events
     * @param localVariables variables of this pass, readable as {@code [container_id, name]}
     * @return how the pass ended, with its variables
     * @throws InterruptedException when the container's thread is interrupted (stop, timeout); the pass is
     *                              then stopped too
     */
    SubgraphResult run(int index, Map<String, Object> localVariables) throws InterruptedException;
}
