package io.tributary.engine.impl.orchestration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeLog;
import io.tributary.api.node.SubgraphRunner;
import io.tributary.api.node.Variables;
import io.tributary.engine.impl.workers.Attempt;
import io.tributary.engine.impl.workers.NodeLogImpl;

/** What one node attempt sees of its run. Callbacks into the run go through the loop asynchronously. */
final class NodeContextImpl implements NodeContext {
    private final GraphEngine scope;
    private final Attempt attempt;
    /** When this attempt started: the execution's start for a first attempt (no clock read), else now. */
    private final Instant attemptStart;
    private Instant deadline;
    private NodeLog log;

    NodeContextImpl(GraphEngine scope, Attempt attempt) {
        this.scope = scope;
        this.attempt = attempt;
        this.attemptStart = attempt.exec.retries == 0 ? attempt.exec.startedAt : Instant.now();
    }

    @Override
    public String runId() {
        return scope.run().runId;
    }

    @Override
    public String nodeExecutionId() {
        return attempt.exec.executionId;
    }

    @Override
    public GraphNode node() {
        return attempt.exec.spec.node();
    }

    @Override
    public Map<String, Object> runInputs() {
        return scope.run().request.inputs();
    }

    @Override
    public Variables variables() {
        return scope.pool;
    }

    @Override
    public void streamChunk(List<String> selector, String chunk, boolean last) {
        List<String> sel = List.copyOf(selector);
        scope.run().loop.executeAsync(() -> scope.onChunk(sel, chunk, last));
    }

    @Override
    public boolean isCancelled() {
        return attempt.isCancelled();
    }

    @Override
    public Instant deadline() {
        if (deadline == null) {
            Run run = scope.run();
            Instant nodeDeadline = attemptStart.plus(run.limits.nodeTimeout());
            Instant runDeadline = run.startedAt.plus(run.limits.maxRunTime());
            deadline = nodeDeadline.isBefore(runDeadline) ? nodeDeadline : runDeadline;
        }
        return deadline;
    }

    @Override
    public NodeLog log() {
        if (log == null) {
            log = new NodeLogImpl(runId(), attempt.exec.spec.id(),
                    (level, message) -> scope.run().loop.executeAsync(() -> scope.onLog(attempt.exec, level, message)));
        }
        return log;
    }

    @Override
    public SubgraphRunner subgraph() {
        if (attempt.exec.spec.executionType() != ExecutionType.CONTAINER) {
            throw new UnsupportedOperationException("node '" + attempt.exec.spec.id() + "' is not a container");
        }
        return new PassRunner(scope, attempt.exec);
    }

    @Override
    public int callDepth() {
        return scope.run().request.callDepth();
    }
}
