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
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<EngineLayer> layers;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final SecretMasker masker;
    private final CompletableFuture<RunFinished> done = new CompletableFuture<>();
    private final Object terminalLock = new Object();
    private volatile RunFinished terminal;

    public EventBus(List<EngineLayer> layers, SecretMasker masker) {
        this.layers = layers;
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    public CompletableFuture<RunFinished> done() {
        return done;
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
            for (EngineLayer layer : layers) {
                try {
                    layer.onRunStart(s);
                } catch (RuntimeException | LinkageError ex) {
                    LOG.warn("Engine layer {} failed in onRunStart of run {}", layer.getClass().getName(), s.runId(), ex);
                }
            }
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
            for (EngineLayer layer : layers) {
                try {
                    layer.onRunEnd(f);
                } catch (RuntimeException | LinkageError ex) {
                    LOG.warn("Engine layer {} failed in onRunEnd of run {}", layer.getClass().getName(), f.runId(), ex);
                }
            }
            done.complete(f);
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
