package io.tributary.api.engine;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.model.Graph;
import io.tributary.api.model.Problem;

/**
 * Runs graphs. The engine resolves every node's {@link io.tributary.api.node.NodeType} through the
 * {@link NodeTypeRegistry} once, when a run starts, and keeps those leases until the run ends: a run finishes on
 * the node-type versions it started with.
 *
 * <h2>Processing model</h2>
 * Execution is event-driven: every node runs on its own virtual thread; when it completes, its outputs are
 * written to the run's variable pool, its outgoing edges become <em>taken</em> or <em>skipped</em>, and every
 * node whose incoming edges are all resolved with at least one taken is started (bounded by the run's
 * parallelism limit). Branch nodes take only the edges of the {@code sourceHandle} they select; skipping
 * propagates downstream. Events are delivered to {@link RunListener}s and {@link EngineLayer}s in one total
 * order per run, ending with exactly one {@link io.tributary.api.event.RunFinished}.
 *
 * <h2>Limits</h2>
 * Maximum steps, run time, per-node time, variable size, parallel nodes and call depth come from the engine's
 * configuration (PID {@code io.tributary.engine}) and may be overridden per run with {@link RunLimits}.
 * Exceeding one fails the node or the run with a message naming the limit, e.g.
 * {@code Maximum execution steps exceeded: 501 > 500}.
 */
@ProviderType
public interface WorkflowEngine {

    /**
     * Starts a run and returns at once. Events are delivered to {@link RunRequest#listener()} (if any) from the
     * first one on, and to every {@link EngineLayer}.
     *
     * @throws RunRejectedException the run cannot start: the graph is invalid (a node type or version is not
     *                              installed, a node's {@code data} is invalid, a dangling edge, a cycle, no
     *                              root), the {@code start_node_id} is not a root, or the call depth is
     *                              beyond the limit. Nothing ran and no event was emitted.
     */
    RunHandle start(Graph graph, RunRequest request) throws RunRejectedException;

    /**
     * Checks a graph without running it: structure (duplicate ids, dangling edges, cycles, roots, containers),
     * whether every node's type and version is installed (message
     * {@code node type 'X' version 'Y' is not installed}), error-handling fields, and each node type's own
     * {@link io.tributary.api.node.NodeType#validate}.
     *
     * @return every problem found, in graph order; empty when the graph can run
     */
    List<Problem> validate(Graph graph);

    /** A run that has not finished yet, by run id (e.g. to stop it from another request). */
    Optional<RunHandle> run(String runId);
}
