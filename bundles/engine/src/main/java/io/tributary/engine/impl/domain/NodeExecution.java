package io.tributary.engine.impl.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One execution of one node (all its attempts): the ids and numbers its events carry. Mutated only on the
 * run's serial loop.
 */
public final class NodeExecution {
    public final NodeSpec spec;
    public final String executionId;
    public final int index;
    public final String predecessorNodeId;
    public final Instant startedAt;
    public final long startNanos;
    /** The container pass index, or -1 outside containers. */
    public final int passIndex;
    /** Retries made so far. */
    public int retries;
    /** The inputs the last attempt reported, if any. */
    public Map<String, Object> lastInputs = Map.of();

    public NodeExecution(NodeSpec spec, String executionId, int index, String predecessorNodeId, int passIndex) {
        this.spec = spec;
        this.executionId = executionId;
        this.index = index;
        this.predecessorNodeId = predecessorNodeId;
        this.passIndex = passIndex;
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
