package io.tributary.engine.impl.events;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunRejected;

/**
 * Tells the layers of a run the engine refused to start: one {@link RunRejected} to every layer's
 * {@code onEvent}, on the caller's thread, before {@code start} throws. Layer failures are logged and swallowed.
 */
public final class Rejections {
    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private Rejections() {
    }

    /** Reports the rejection and returns it, for the caller to throw. */
    public static RunRejectedException report(List<EngineLayer> layers, String runId, RunRequest request,
                                              RunRejectedException e) {
        RunRejected event = new RunRejected(runId, Instant.now(), request.workflowId(), request.inputs(),
                request.origin(), e.getMessage());
        for (EngineLayer layer : layers) {
            try {
                layer.onEvent(event);
            } catch (RuntimeException | LinkageError ex) {
                LOG.warn("Engine layer {} failed on the rejection of run {}", layer.getClass().getName(), runId, ex);
            }
        }
        return e;
    }
}
