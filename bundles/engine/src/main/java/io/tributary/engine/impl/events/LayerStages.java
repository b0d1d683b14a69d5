package io.tributary.engine.impl.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.EngineLayer;

/**
 * Joins the completion stages the layers returned from one hook into one future, without blocking: it completes
 * when every stage completed, a failed stage counting as complete (logged), and at the latest after
 * {@link EngineLayer#STAGE_TIMEOUT} (logged), so a stuck layer delays a run's handle but never holds it forever.
 */
final class LayerStages {
    private static final Logger LOG = LoggerFactory.getLogger(LayerStages.class);

    private final List<CompletableFuture<Void>> stages = new ArrayList<>();
    private final String hook;
    private final String runId;

    LayerStages(String hook, String runId) {
        this.hook = hook;
        this.runId = runId;
    }

    /** Adds what one layer returned ({@code null} counts as complete). */
    void add(EngineLayer layer, CompletionStage<?> stage) {
        if (stage == null) {
            return;
        }
        CompletableFuture<Void> one = new CompletableFuture<>();
        stage.whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("Engine layer {} failed to complete {} of run {}", layer.getClass().getName(), hook, runId, e);
            }
            one.complete(null);
        });
        one.completeOnTimeout(null, EngineLayer.STAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        stages.add(one);
    }

    /** Completes when every added stage did. */
    CompletableFuture<Void> all() {
        return CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new));
    }
}
