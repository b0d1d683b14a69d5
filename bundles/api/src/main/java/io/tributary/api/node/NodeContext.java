package io.tributary.api.node;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.model.GraphNode;

/**
 * What the engine gives a node while it executes. Never shared between runs; valid only during
 * {@link NodeExecutor#execute}.
 */
@ProviderType
public interface NodeContext {

    /** The run's id ({@code workflow_run_id}). */
    String runId();

    /** This node execution's id (the {@code id} of its {@code node_started}/{@code node_finished} events). */
    String nodeExecutionId();

    /** The node being executed. */
    GraphNode node();

    /** The inputs the run was started with (the {@code inputs} of the request), unmodifiable. */
    Map<String, Object> runInputs();

    /** The run's variables: earlier nodes' outputs, {@code sys}, {@code env}, ... */
    Variables variables();

    /**
     * Streams a piece of this node's output (an LLM token, a line). The engine delivers chunks to clients
     * in the order the response templates define.
     *
     * @param selector the output variable the chunk belongs to, e.g. {@code [node_id, "text"]}
     * @param chunk    the text
     * @param last     whether this is the last chunk of that variable
     */
    void streamChunk(List<String> selector, String chunk, boolean last);

    /** True once the run was stopped or this node's time is up; long work should check it. */
    boolean isCancelled();

    /** When this node's time is up (per-node timeout or the run's limit, whichever is earlier). */
    Instant deadline();

    /** A logger that prefixes the run and node ids and mirrors warnings into the run's events. */
    NodeLog log();

    /**
     * Runs this node's child graph; only for container nodes ({@link ExecutionType#CONTAINER}).
     *
     * @throws UnsupportedOperationException when the node is not a container or the context has no engine
     *                                       behind it (unit tests)
     */
    default SubgraphRunner subgraph() {
        throw new UnsupportedOperationException("node '" + node().id() + "' is not a container");
    }

    /**
     * How deep this run is nested: 0 for a run started by a client. A node that starts another workflow run
     * passes {@code callDepth() + 1}; the engine rejects runs beyond its configured maximum.
     */
    default int callDepth() {
        return 0;
    }
}
