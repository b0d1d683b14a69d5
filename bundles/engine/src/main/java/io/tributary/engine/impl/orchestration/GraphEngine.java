package io.tributary.engine.impl.orchestration;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.tributary.api.event.ContainerNext;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeLogged;
import io.tributary.api.event.NodeRetry;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.JsonValues;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.node.SubgraphResult;
import io.tributary.engine.impl.domain.GraphStructure;
import io.tributary.engine.impl.domain.Ids;
import io.tributary.engine.impl.domain.NodeExecution;
import io.tributary.engine.impl.domain.NodeSpec;
import io.tributary.engine.impl.errors.Failure;
import io.tributary.engine.impl.errors.Recovery;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.engine.impl.streaming.ResponseCoordinator;
import io.tributary.engine.impl.traversal.Traversal;
import io.tributary.engine.impl.variables.VariablePool;
import io.tributary.engine.impl.variables.VariableUpdates;
import io.tributary.engine.impl.workers.Attempt;
import io.tributary.engine.impl.workers.Outcome;

/**
 * Executes one scope of a run — the top-level graph, or one pass of a container's child graph — as a state
 * machine on the run's serial loop. Every method runs on the loop; node work runs on attempt threads and
 * comes back through {@link #onAttemptDone}. The scope ends when nothing is running, ready or waiting for a
 * retry, or once it was terminated (stop, unhandled failure, limit) and its running attempts ended.
 */
final class GraphEngine implements Traversal.Sink {
    private final Run run;
    private final int scope;
    private final GraphStructure g;
    private final NodeSpec[] specs;
    final VariablePool pool;
    private final Traversal traversal;
    private final ResponseCoordinator responses;
    private final NodeExecution container;
    private final int passIndex;
    private final Consumer<SubgraphResult> onPassDone;
    private final ArrayDeque<int[]> ready = new ArrayDeque<>();
    private final Set<Attempt> running = new HashSet<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final NodeExecutor[] passExecutors;
    private int pendingRetries;
    private int exceptions;
    private boolean started;
    private boolean terminating;
    private boolean ended;
    private RunStatus terminalStatus;
    private String terminalError;
    private String terminalErrorType;

    /**
     * @param scope      {@link GraphStructure#TOP} or the container's node index
     * @param container  for a pass: the container's execution; else {@code null}
     * @param onPassDone for a pass: receives its result; else {@code null}
     */
    GraphEngine(Run run, int scope, VariablePool pool, NodeExecution container, int passIndex,
                Consumer<SubgraphResult> onPassDone) {
        this.run = run;
        this.scope = scope;
        this.g = run.plan.structure();
        this.specs = run.plan.nodes();
        this.pool = pool;
        this.container = container;
        this.passIndex = passIndex;
        this.onPassDone = onPassDone;
        this.traversal = new Traversal(g);
        this.passExecutors = container == null ? null : new NodeExecutor[g.size()];
        ResponseCoordinator rc = null;
        if (container == null) {
            rc = new ResponseCoordinator(g, specs, g.members(scope), pool, this::releaseChunk);
            if (rc.idle()) {
                rc = null;
            }
        }
        this.responses = rc;
    }

    Run run() {
        return run;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /** Starts the scope: the chosen root (or every root) becomes ready, the other roots are skipped. */
    void begin(int chosenRoot) {
        started = true;
        run.scopes.add(this);
        if (container != null) {
            run.events.publish(new ContainerNext(run.runId, Instant.now(), container.executionId,
                    container.spec.id(), container.spec.type(), container.spec.node().title(), passIndex));
        }
        if (run.cancelled()) {
            run.applyStop();
        }
        if (terminating) {
            checkEnd();
            return;
        }
        traversal.begin(g.roots(scope), chosenRoot, this);
        if (responses != null) {
            responses.start();
        }
        dispatch();
        checkEnd();
    }

    @Override
    public void ready(int node, int predecessor) {
        ready.add(new int[] {node, predecessor});
    }

    @Override
    public void skipped(int node) {
        if (responses != null) {
            responses.onNodeSkipped(node);
        }
    }

    private void dispatch() {
        while (!terminating && running.size() < run.limits.maxParallelNodes() && !ready.isEmpty()) {
            int[] next = ready.poll();
            startNode(next[0], next[1]);
        }
    }

    private void startNode(int node, int predecessor) {
        int step = run.steps.incrementAndGet();
        if (step > run.limits.maxSteps()) {
            run.steps.decrementAndGet();
            run.terminateAll(RunStatus.FAILED, Limits.stepsExceeded(step, run.limits.maxSteps()));
            return;
        }
        NodeSpec spec = specs[node];
        NodeExecution exec = new NodeExecution(spec, Ids.uuid(), run.nodeIndex.incrementAndGet(),
                predecessor < 0 ? null : g.node(predecessor).id(), passIndex);
        if (responses != null) {
            responses.onNodeStarted(node, exec.executionId);
        }
        if (run.events.observed()) {
            run.events.publish(new NodeStarted(run.runId, exec.startedAt, exec.executionId, spec.id(), spec.type(),
                    spec.version(), spec.node().title(), exec.index, exec.predecessorNodeId, Map.of(),
                    spec.iterationId(), spec.loopId()));
        }
        launch(exec);
    }

    private void launch(NodeExecution exec) {
        NodeSpec spec = exec.spec;
        Attempt.ExecutorSource source = passExecutors == null ? spec::executor : () -> passExecutor(spec);
        Attempt a = new Attempt(exec, source, run.attemptEnv, (at, o) -> run.loop.execute(() -> onAttemptDone(at, o)));
        running.add(a);
        run.attempts.add(a);
        a.start(new NodeContextImpl(this, a));
    }

    private NodeExecutor passExecutor(NodeSpec spec) throws NodeValidationException {
        // written and read by the attempts of one node, which follow each other through the loop
        NodeExecutor ex = passExecutors[spec.index()];
        if (ex == null) {
            ex = spec.nodeType().create(spec.node());
            passExecutors[spec.index()] = ex;
        }
        return ex;
    }

    // ---- completion ------------------------------------------------------------------------------------------

    private void onAttemptDone(Attempt a, Outcome outcome) {
        NodeExecution exec = a.exec;
        if (!terminating && run.cancelled()) {
            // a stop this attempt noticed before the stop task ran; the attempt still counts as running here,
            // so the scope cannot end before this node's own event
            run.applyStop();
        }
        running.remove(a);
        run.attempts.remove(a);
        if (terminating) {
            finishNode(exec, NodeStatus.STOPPED, exec.lastInputs, Map.of(), Map.of(), stopError(), null);
        } else {
            switch (outcome) {
                case Outcome.Success s -> succeeded(exec, s.result());
                case Outcome.Failed f -> failed(exec, f.failure());
                case Outcome.Stopped st -> failed(exec, new Failure("node '" + exec.spec.id() + "' was stopped",
                        "Stopped"));
            }
        }
        dispatch();
        checkEnd();
    }

    private String stopError() {
        return terminalError == null ? "stopped" : terminalError;
    }

    private void succeeded(NodeExecution exec, NodeResult result) {
        exec.lastInputs = result.inputs();
        // node outputs of any size flow (by reference); the variable size limit applies to variable writes only
        if (!result.processData().isEmpty()) {
            String problem = VariableUpdates.apply(exec.spec.id(), result.processData(), pool, this::writable,
                    run.limits.maxVariableSize());
            if (problem != null) {
                failed(exec, new Failure(problem, "VariableUpdateError"));
                return;
            }
        }
        complete(exec, result, NodeStatus.SUCCEEDED, null);
    }

    /** Variables a node of this scope may assign: conversation variables and its containers' locals. */
    private boolean writable(String nodeId) {
        if (VariablePool.CONVERSATION.equals(nodeId)) {
            return true;
        }
        for (int c = scope; c != GraphStructure.TOP; c = g.container(c)) {
            if (g.node(c).id().equals(nodeId)) {
                return true;
            }
        }
        return false;
    }

    private void failed(NodeExecution exec, Failure failure) {
        Recovery.Decision d = Recovery.decide(exec.spec.policy(), exec.retries, failure, exec.lastInputs);
        switch (d) {
            case Recovery.Retry r -> retry(exec, r, failure);
            case Recovery.Handled h -> {
                run.exceptions.incrementAndGet();
                exceptions++;
                complete(exec, h.result(), NodeStatus.EXCEPTION, failure);
            }
            case Recovery.Unhandled u -> {
                finishNode(exec, NodeStatus.FAILED, exec.lastInputs, Map.of(), Map.of(), failure.message(),
                        failure.errorType());
                terminate(RunStatus.FAILED, failure.message(), failure.errorType());
            }
        }
    }

    private void retry(NodeExecution exec, Recovery.Retry r, Failure failure) {
        exec.retries = r.retryIndex();
        NodeSpec spec = exec.spec;
        run.events.publish(new NodeRetry(run.runId, Instant.now(), exec.executionId, spec.id(), spec.type(),
                spec.version(), spec.node().title(), exec.index, exec.predecessorNodeId, r.retryIndex(),
                exec.lastInputs, Map.of(), Map.of(), metadata(exec, Map.of()), failure.message(), failure.errorType(),
                exec.startedAt, exec.elapsedMillis(), spec.iterationId(), spec.loopId()));
        pendingRetries++;
        Runnable due = () -> run.loop.executeAsync(() -> retryDue(exec));
        if (r.delayMillis() <= 0) {
            due.run();
        } else {
            run.timers.schedule(due, r.delayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retryDue(NodeExecution exec) {
        if (terminating || ended) {
            return;
        }
        pendingRetries--;
        launch(exec);
    }

    private void complete(NodeExecution exec, NodeResult result, NodeStatus status, Failure failure) {
        NodeSpec spec = exec.spec;
        int node = spec.index();
        pool.put(spec.id(), result.outputs());
        if (result.metadata().get("total_tokens") instanceof Number n) {
            run.tokens.addAndGet(n.longValue());
        }
        if (container == null && spec.executionType() == ExecutionType.RESPONSE) {
            mergeOutputs(result.outputs());
        }
        traversal.completed(node, result.edgeSourceHandle(), spec.selective(), this);
        if (responses != null) {
            responses.onNodeFinished(node);
        }
        finishNode(exec, status, result.inputs(), result.processData(), result.outputs(),
                failure == null ? null : failure.message(), failure == null ? null : failure.errorType(),
                result.metadata());
    }

    private void mergeOutputs(Map<String, Object> out) {
        for (Map.Entry<String, Object> e : out.entrySet()) {
            if ("answer".equals(e.getKey()) && outputs.get("answer") instanceof String prev
                    && e.getValue() instanceof String next) {
                outputs.put("answer", prev + next);
            } else {
                outputs.put(e.getKey(), e.getValue());
            }
        }
    }

    private void finishNode(NodeExecution exec, NodeStatus status, Map<String, Object> inputs,
                            Map<String, Object> processData, Map<String, Object> outs, String error, String errorType) {
        finishNode(exec, status, inputs, processData, outs, error, errorType, Map.of());
    }

    private void finishNode(NodeExecution exec, NodeStatus status, Map<String, Object> inputs,
                            Map<String, Object> processData, Map<String, Object> outs, String error, String errorType,
                            Map<String, Object> nodeMetadata) {
        if (!run.events.observed()) {
            return;
        }
        NodeSpec spec = exec.spec;
        run.events.publish(new NodeFinished(run.runId, Instant.now(), exec.executionId, spec.id(), spec.type(),
                spec.version(), spec.node().title(), exec.index, exec.predecessorNodeId, status, inputs, processData,
                outs, metadata(exec, nodeMetadata), error, errorType, exec.startedAt, exec.elapsedMillis(),
                spec.iterationId(), spec.loopId()));
    }

    private Map<String, Object> metadata(NodeExecution exec, Map<String, Object> nodeMetadata) {
        NodeSpec spec = exec.spec;
        boolean plain = spec.policy().strategyName() == null && exec.retries == 0 && container == null;
        if (plain) {
            return nodeMetadata;
        }
        Map<String, Object> m = new LinkedHashMap<>(nodeMetadata);
        if (spec.policy().strategyName() != null) {
            m.put("error_strategy", spec.policy().strategyName());
        }
        if (exec.retries > 0) {
            m.put("retry_count", exec.retries);
        }
        if (spec.iterationId() != null) {
            m.put("iteration_id", spec.iterationId());
            m.put("iteration_index", passIndex);
        }
        if (spec.loopId() != null) {
            m.put("loop_id", spec.loopId());
            m.put("loop_index", passIndex);
        }
        return m;
    }

    // ---- streaming and logs ----------------------------------------------------------------------------------

    void onChunk(List<String> selector, String chunk, boolean last) {
        if (responses != null && !terminating && !ended) {
            responses.onChunk(selector, chunk, last);
        }
    }

    private void releaseChunk(String nodeId, String executionId, List<String> selector, String text, boolean last) {
        if (ended) {
            return;
        }
        run.events.publish(new NodeStreamChunk(run.runId, Instant.now(), executionId, nodeId, selector, text, last));
    }

    void onLog(NodeExecution exec, String level, String message) {
        if (!run.events.done().isDone()) {
            run.events.publish(new NodeLogged(run.runId, Instant.now(), exec.executionId, exec.spec.id(), level,
                    message));
        }
    }

    // ---- termination -----------------------------------------------------------------------------------------

    /** Ends the scope early: nothing new starts, running attempts are interrupted (abandoned after the grace). */
    void terminate(RunStatus status, String error, String errorType) {
        if (terminating || ended) {
            return;
        }
        terminating = true;
        terminalStatus = status;
        terminalError = error;
        terminalErrorType = errorType;
        ready.clear();
        pendingRetries = 0;
        if (!running.isEmpty()) {
            List<Attempt> toStop = new ArrayList<>(running);
            for (Attempt a : toStop) {
                a.cancel();
            }
            run.timers.schedule(() -> run.loop.executeAsync(() -> {
                for (Attempt a : new ArrayList<>(running)) {
                    a.abandon();
                }
            }), run.limits.stopGrace().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (started) {
            checkEnd();
        }
    }

    private void checkEnd() {
        if (ended || !running.isEmpty() || !terminating && (!ready.isEmpty() || pendingRetries > 0)) {
            return;
        }
        ended = true;
        run.scopes.remove(this);
        RunStatus status = terminating ? terminalStatus
                : exceptions > 0 ? RunStatus.PARTIAL_SUCCEEDED : RunStatus.SUCCEEDED;
        if (container == null) {
            run.finish(status, terminating ? terminalError : null, outputsView());
        } else {
            onPassDone.accept(new SubgraphResult(status, terminating ? terminalError : null,
                    terminating ? terminalErrorType : null, pool));
        }
    }

    private Map<String, Object> outputsView() {
        return outputs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    // ---- containers ------------------------------------------------------------------------------------------

    /** A new pass of the child graph of the container executing as {@code exec}. */
    GraphEngine pass(NodeExecution exec, int index, Map<String, Object> locals, Consumer<SubgraphResult> done) {
        VariablePool passPool = new VariablePool(pool);
        passPool.put(exec.spec.id(), JsonValues.freeze(locals));
        return new GraphEngine(run, exec.spec.index(), passPool, exec, index, done);
    }

    /** The root a pass starts from: the container's {@code data.start_node_id} when it names a child, else -1. */
    int passRoot(NodeSpec containerSpec) {
        if (containerSpec.node().data().get("start_node_id") instanceof String s) {
            Integer i = g.indexOf(s);
            if (i != null && g.container(i) == containerSpec.index() && g.in(i).length == 0) {
                return i;
            }
        }
        return -1;
    }
}
