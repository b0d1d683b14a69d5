package io.tributary.engine.impl.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.engine.RunListener;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;

/**
 * Delivers one run's events to its layers and listeners (graphon's {@code event_management}). Called only
 * from the run's serial loop, so deliveries are never concurrent and keep the emission order. Secrets are
 * masked before anyone sees an event. The terminal event is delivered exactly once, also to listeners that
 * subscribe after it.
 *
 * <p>Three futures follow a run: {@link #started()} completes with the first event once every layer's start stage
 * completed (the run's record exists), {@link #done()} with the terminal event once it was delivered (the run is
 * over: nothing more is published), and {@link #durable()} with the terminal event once every layer's end stage
 * completed as well (its final record is committed). Layer stages are joined without blocking the loop.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<EngineLayer> layers;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final SecretMasker masker;
    private final CompletableFuture<RunStarted> started = new CompletableFuture<>();
    private final CompletableFuture<RunFinished> done = new CompletableFuture<>();
    private final CompletableFuture<RunFinished> durable = new CompletableFuture<>();
    private final Object terminalLock = new Object();
    private volatile RunFinished terminal;

    public EventBus(List<EngineLayer> layers, SecretMasker masker) {
        this.layers = layers;
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** The terminal event, once delivered to every layer and listener (the run is over). */
    public CompletableFuture<RunFinished> done() {
        return done;
    }

    /** The first event, once every layer's start-of-run work is durable. */
    public CompletableFuture<RunStarted> started() {
        return started;
    }

    /** The terminal event, once every layer's end-of-run work is durable. */
    public CompletableFuture<RunFinished> durable() {
        return durable;
    }

    /** Adds a listener; after the terminal event it gets that event at once (exactly once either way). */
    public void subscribe(RunListener l) {
        RunFinished t;
        synchronized (terminalLock) {
            t = terminal;
            if (t == null) {
                listeners.add(l);
                return;
            }
        }
        deliver(l, t);
    }

    public void unsubscribe(RunListener l) {
        listeners.remove(l);
    }

    /**
     * True when some layer or listener would receive an event published now. When false, a caller may skip
     * building a non-terminal event: nobody could observe it (a listener subscribing later sees only events
     * emitted after it subscribed).
     */
    public boolean observed() {
        return !layers.isEmpty() || !listeners.isEmpty();
    }

    /** Delivers an event to every layer and listener. */
    public void publish(RunEvent raw) {
        if (terminal != null) {
            // nothing follows the terminal event (e.g. a late event of an abandoned node thread)
            return;
        }
        RunEvent e = masker.mask(raw);
        if (e instanceof RunStarted s) {
            LayerStages stages = new LayerStages("onRunStart", s.runId());
            for (EngineLayer layer : layers) {
                try {
                    stages.add(layer, layer.onRunStart(s));
                } catch (RuntimeException | LinkageError ex) {
                    LOG.warn("Engine layer {} failed in onRunStart of run {}", layer.getClass().getName(), s.runId(), ex);
                }
            }
            stages.all().thenRun(() -> started.complete(s));
        }
        for (EngineLayer layer : layers) {
            try {
                layer.onEvent(e);
            } catch (RuntimeException | LinkageError ex) {
                LOG.warn("Engine layer {} failed on {} of run {}", layer.getClass().getName(),
                        e.getClass().getSimpleName(), e.runId(), ex);
            }
        }
        List<RunListener> targets = listeners;
        if (e instanceof RunFinished f) {
            synchronized (terminalLock) {
                terminal = f;
                targets = List.copyOf(listeners);
                listeners.clear();
            }
        }
        for (RunListener l : targets) {
            deliver(l, e);
        }
        if (e instanceof RunFinished f) {
            LayerStages stages = new LayerStages("onRunEnd", f.runId());
            for (EngineLayer layer : layers) {
                try {
                    stages.add(layer, layer.onRunEnd(f));
                } catch (RuntimeException | LinkageError ex) {
                    LOG.warn("Engine layer {} failed in onRunEnd of run {}", layer.getClass().getName(), f.runId(), ex);
                }
            }
            done.complete(f);
            // a run that ends before its start was durable still reports its start first
            started.thenCombine(stages.all(), (s, v) -> f).thenAccept(durable::complete);
        }
    }

    private static void deliver(RunListener l, RunEvent e) {
        try {
            l.onEvent(e);
        } catch (RuntimeException | LinkageError ex) {
            LOG.warn("Run listener {} failed on {} of run {}", l.getClass().getName(), e.getClass().getSimpleName(),
                    e.runId(), ex);
        }
    }
}
