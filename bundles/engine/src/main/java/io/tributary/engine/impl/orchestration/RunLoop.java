package io.tributary.engine.impl.orchestration;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A run's serial executor without a thread of its own (graphon's dispatcher, made event-driven): tasks are
 * queued and run one at a time, in order, by whichever thread finds the loop idle. Engine threads (a node's
 * virtual thread after its executor returned) drain inline; callers that must not be held up (clients,
 * timers, plugin callbacks) use {@link #executeAsync}, which drains on a new virtual thread when needed.
 * Nothing polls and nothing sleeps: an idle run costs no thread at all.
 */
public final class RunLoop {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Consumer<Throwable> onError;

    public RunLoop(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    /** Queues a task and drains on the calling thread if the loop is idle. */
    public void execute(Runnable task) {
        tasks.add(task);
        drain();
    }

    /** Queues a task; if the loop is idle, a new virtual thread drains it. Never blocks the caller. */
    public void executeAsync(Runnable task) {
        tasks.add(task);
        if (!draining.get()) {
            Thread.ofVirtual().name("tributary-run-loop").start(this::drain);
        }
    }

    private void drain() {
        while (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Runnable r;
                while ((r = tasks.poll()) != null) {
                    // a node thread may have been interrupted just as it finished; tasks must not see that
                    Thread.interrupted();
                    try {
                        r.run();
                    } catch (Throwable t) {
                        onError.accept(t);
                    }
                }
            } finally {
                draining.set(false);
            }
        }
    }
}
