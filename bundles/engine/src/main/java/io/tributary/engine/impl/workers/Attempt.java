package io.tributary.engine.impl.workers;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;
import io.tributary.engine.impl.domain.NodeExecution;
import io.tributary.engine.impl.errors.Failure;
import io.tributary.engine.impl.limits.Limits;

/**
 * One attempt of one node execution on a virtual thread (graphon's worker: a thread per attempt instead of a
 * pool; the thread that completes an attempt runs the next ready one itself). Whatever the plugin does — return, throw any {@code Throwable}, hang — the attempt
 * completes exactly once: with the executor's outcome, with a timeout failure (the thread is interrupted at
 * the per-node timeout and abandoned if it has not ended after the grace period), or stopped.
 */
public final class Attempt implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Attempt.class);
    /**
     * Set only while a thread completes an attempt (runs the loop inline): the first attempt started then is
     * handed to this thread instead of a new one, so a chain runs on one virtual thread. Never holds anything
     * past that call.
     */
    private static final ThreadLocal<Attempt[]> HANDOFF = new ThreadLocal<>();

    /** Makes the executor for an attempt (fresh per container pass, shared otherwise). */
    @FunctionalInterface
    public interface ExecutorSource {
        NodeExecutor executor() throws NodeValidationException;
    }

    /** Everything an attempt needs from its run. */
    public record Env(ScheduledExecutorService timers, Deadlines deadlines, Duration timeout, Duration grace,
                      BooleanSupplier runCancelled) {
    }

    public final NodeExecution exec;
    private final ExecutorSource source;
    private final Env env;
    private final BiConsumer<Attempt, Outcome> onDone;
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean timedOut;
    private volatile boolean cancelled;
    private volatile Deadlines.Deadline timer;
    private NodeContext context;
    /** A cheap hash (attempts are kept in hash sets; an identity hash costs a VM call on a new object). */
    private final int hash = ThreadLocalRandom.current().nextInt();

    public Attempt(NodeExecution exec, ExecutorSource source, Env env, BiConsumer<Attempt, Outcome> onDone) {
        this.exec = exec;
        this.source = source;
        this.env = env;
        this.onDone = onDone;
    }

    /** Starts the attempt with this context on a new virtual thread and arms the per-node timeout. */
    public void start(NodeContext ctx) {
        this.context = ctx;
        timer = env.deadlines().arm(env.timeout().toNanos(), this::onTimeout);
        Attempt[] slot = HANDOFF.get();
        if (slot != null && slot[0] == null) {
            // started while this thread completes an attempt: run it here next, no new thread
            slot[0] = this;
        } else {
            Thread.ofVirtual().name("tributary-node").start(this);
        }
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /** True once the run was stopped or this attempt timed out or was cancelled. */
    public boolean isCancelled() {
        return cancelled || timedOut || env.runCancelled().getAsBoolean();
    }

    @Override
    public void run() {
        Attempt[] slot = new Attempt[1];
        Attempt next = this;
        while (next != null) {
            Outcome outcome = next.attempt();
            HANDOFF.set(slot);
            try {
                next.complete(outcome);
            } finally {
                HANDOFF.remove();
            }
            next = slot[0];
            slot[0] = null;
        }
    }

    private Outcome attempt() {
        thread = Thread.currentThread();
        // Whatever the plugin logs through SLF4J on this thread carries the run and node ids (%X{run_id}).
        MDC.put("run_id", context.runId());
        MDC.put("node_id", exec.spec.id());
        try {
            return isCancelled() ? new Outcome.Stopped() : invoke();
        } finally {
            MDC.remove("run_id");
            MDC.remove("node_id");
            thread = null;
            Thread.interrupted();
        }
    }

    private Outcome invoke() {
        try {
            NodeExecutor executor = source.executor();
            NodeResult r = executor.execute(context);
            if (r == null) {
                return new Outcome.Failed(new Failure("node '" + exec.spec.id() + "' returned no result",
                        "NullResult"));
            }
            return new Outcome.Success(r);
        } catch (NodeExecutionException e) {
            return new Outcome.Failed(Failure.of(e));
        } catch (NodeValidationException e) {
            return new Outcome.Failed(new Failure(e.getMessage(), "NodeValidationException"));
        } catch (InterruptedException e) {
            return isCancelled() ? new Outcome.Stopped()
                    : new Outcome.Failed(new Failure("node '" + exec.spec.id() + "' was interrupted", "Interrupted"));
        } catch (Throwable t) {
            LOG.error("Node '{}' (type {} {}) failed with an unexpected {}", exec.spec.id(), exec.spec.type(),
                    exec.spec.version(), t.getClass().getName(), t);
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            return new Outcome.Failed(Failure.ofBug(t));
        }
    }

    /** Interrupts the attempt (stop, run failure elsewhere). */
    public void cancel() {
        cancelled = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** After the grace period: completes the attempt as stopped even if its thread is still running. */
    public void abandon() {
        if (thread != null) {
            LOG.warn("Node '{}' did not end after it was stopped; abandoning its thread", exec.spec.id());
        }
        complete(new Outcome.Stopped());
    }

    private void onTimeout() {
        timedOut = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        env.timers().schedule(() -> {
            if (thread != null) {
                LOG.warn("Node '{}' did not end after its timeout; abandoning its thread", exec.spec.id());
            }
            complete(timeoutFailure());
        }, env.grace().toNanos(), TimeUnit.NANOSECONDS);
    }

    private Outcome timeoutFailure() {
        return new Outcome.Failed(new Failure(Limits.nodeTimedOut(exec.spec.id(), env.timeout()), "NodeTimeout"));
    }

    private void complete(Outcome o) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        Deadlines.Deadline t = timer;
        if (t != null) {
            t.cancel();
        }
        Outcome result = timedOut && !(o instanceof Outcome.Stopped && (cancelled || env.runCancelled().getAsBoolean()))
                ? timeoutFailure() : o;
        onDone.accept(this, result);
    }
}
