package io.tributary.engine.impl.orchestration;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.engine.EnvironmentVariable;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;
import io.tributary.api.event.RunStatus;
import io.tributary.engine.impl.domain.GraphStructure;
import io.tributary.engine.impl.domain.RunPlan;
import io.tributary.engine.impl.events.EventBus;
import io.tributary.engine.impl.events.SecretMasker;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.engine.impl.variables.VariablePool;
import io.tributary.engine.impl.workers.Attempt;
import io.tributary.engine.impl.workers.Deadlines;

/**
 * One run: the composition root of its per-run objects (graphon's {@code GraphEngine.__init__}). Holds what
 * every scope of the run shares — plan and leases, limits, the serial loop, the event bus, counters, the
 * open attempts and scopes — and owns the run's lifecycle: start, stop, limit breaches and the terminal event.
 */
public final class Run {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    final String runId;
    final RunRequest request;
    final RunPlan plan;
    final Limits limits;
    final RunLoop loop;
    final EventBus events;
    final ScheduledExecutorService timers;
    final Deadlines deadlines;
    final Attempt.Env attemptEnv;
    final Instant startedAt = Instant.now();
    final long startNanos = System.nanoTime();
    final AtomicInteger steps = new AtomicInteger();
    final AtomicInteger nodeIndex = new AtomicInteger();
    final AtomicInteger exceptions = new AtomicInteger();
    final AtomicLong tokens = new AtomicLong();
    final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
    final Set<GraphEngine> scopes = ConcurrentHashMap.newKeySet();
    final VariablePool pool;
    private final Runnable onEnd;
    private final GraphEngine top;
    private final RunHandleImpl handle;
    private volatile boolean cancelled;
    private volatile String stopReason;
    private Deadlines.Deadline runTimer;

    Run(String runId, RunRequest request, RunPlan plan, Limits limits, List<EngineLayer> layers,
        ScheduledExecutorService timers, Deadlines deadlines, Runnable onEnd) {
        this.runId = runId;
        this.request = request;
        this.plan = plan;
        this.limits = limits;
        this.timers = timers;
        this.onEnd = onEnd;
        this.loop = new RunLoop(this::internalError);
        this.events = new EventBus(layers, SecretMasker.of(request.environment()));
        this.deadlines = deadlines;
        this.attemptEnv = new Attempt.Env(timers, deadlines, limits.nodeTimeout(), limits.stopGrace(),
                () -> cancelled);
        this.pool = new VariablePool(null, plan.structure().size() + 4);
        fillPool();
        this.top = new GraphEngine(this, GraphStructure.TOP, pool, null, -1, null);
        this.handle = new RunHandleImpl(this);
    }

    /** Creates a run; call {@link #start()} next. */
    public static Run create(String runId, RunRequest request, RunPlan plan, Limits limits, List<EngineLayer> layers,
                             ScheduledExecutorService timers, Deadlines deadlines, Runnable onEnd) {
        return new Run(runId, request, plan, limits, layers, timers, deadlines, onEnd);
    }

    private void fillPool() {
        Map<String, Object> sys = new LinkedHashMap<>();
        sys.put("files", List.of());
        request.systemVariables().forEach((k, v) -> {
            if (v != null) {
                sys.put(k, v);
            }
        });
        sys.put("workflow_run_id", runId);
        if (request.workflowId() != null) {
            sys.putIfAbsent("workflow_id", request.workflowId());
        }
        pool.put(VariablePool.SYS, Collections.unmodifiableMap(sys));
        Map<String, Object> env = new LinkedHashMap<>();
        for (EnvironmentVariable v : request.environment()) {
            env.put(v.name(), v.value());
        }
        pool.put(VariablePool.ENV, Collections.unmodifiableMap(env));
        pool.put(VariablePool.CONVERSATION, request.conversationVariables());
        if (!request.ragVariables().isEmpty()) {
            pool.put(VariablePool.RAG, request.ragVariables());
        }
    }

    public RunHandleImpl handle() {
        return handle;
    }

    public String runId() {
        return runId;
    }

    /** Starts the run on the loop (asynchronously: the caller returns at once). */
    public void start() {
        loop.executeAsync(() -> {
            events.publish(new RunStarted(runId, startedAt, request.workflowId(), request.inputs(), request.origin()));
            long maxNanos = limits.maxRunTime().toNanos();
            runTimer = deadlines.arm(maxNanos, () -> loop.executeAsync(() -> terminateAll(RunStatus.FAILED,
                    Limits.timeExceeded(System.nanoTime() - startNanos, limits.maxRunTime()))));
            top.begin(plan.startNode());
        });
    }

    /** Client stop: interrupts at once, then ends the run on the loop. */
    void stop(String reason) {
        if (events.done().isDone() || cancelled) {
            return;
        }
        stopReason = reason == null || reason.isBlank() ? "stopped" : reason;
        cancelled = true;
        for (Attempt a : attempts) {
            a.cancel();
        }
        loop.executeAsync(() -> terminateAll(RunStatus.STOPPED, stopReason));
    }

    boolean cancelled() {
        return cancelled;
    }

    /** On the loop: applies a client stop that a completing attempt noticed before the stop task ran. */
    void applyStop() {
        if (cancelled) {
            terminateAll(RunStatus.STOPPED, stopReason);
        }
    }

    /** On the loop: ends every scope; the top scope with this status and error, child passes as stopped. */
    void terminateAll(RunStatus status, String error) {
        for (GraphEngine s : scopes) {
            if (s != top) {
                s.terminate(RunStatus.STOPPED, error, null);
            }
        }
        top.terminate(status, error, status == RunStatus.FAILED ? "LimitExceeded" : null);
    }

    /** On the loop, from the top scope: the run is over. */
    void finish(RunStatus status, String error, Map<String, Object> outputs) {
        if (runTimer != null) {
            runTimer.cancel();
        }
        plan.release();
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000L;
        // no longer findable once its terminal event can be seen
        onEnd.run();
        events.publish(new RunFinished(runId, Instant.now(), request.workflowId(), status, outputs, error,
                exceptions.get(), steps.get(), tokens.get(), startedAt, elapsed));
    }

    private void internalError(Throwable t) {
        LOG.error("Engine error in run {}", runId, t);
        if (!events.done().isDone()) {
            try {
                terminateAll(RunStatus.FAILED, "Internal engine error: " + t);
            } catch (Throwable again) {
                LOG.error("Engine error while failing run {}", runId, again);
                if (!events.done().isDone()) {
                    finish(RunStatus.FAILED, "Internal engine error: " + t, Map.of());
                }
            }
        }
    }
}
