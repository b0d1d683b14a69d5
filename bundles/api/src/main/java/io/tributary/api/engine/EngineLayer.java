package io.tributary.api.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunRejected;
import io.tributary.api.event.RunStarted;

/**
 * Observes every run, registered as an OSGi service (whiteboard), like graphon's engine layers: persistence
 * writes run and node records, metrics count. Callers that start runs never record or flush anything themselves:
 * cross-cutting end-of-run work belongs in a layer.
 *
 * <p><b>Order.</b> The layers registered when a run starts see that whole run; a layer registered later sees only
 * later runs. For one run the calls are never concurrent and come in this order: {@link #onRunStart}, then
 * {@link #onEvent} for every event (including the {@link RunStarted} and the final {@link RunFinished}), then
 * {@link #onRunEnd}. A run the engine refuses to start is one {@link RunRejected} given to {@link #onEvent} only,
 * on the thread that called {@link WorkflowEngine#start}, before that call throws.
 *
 * <p><b>Durability.</b> {@link #onRunStart} and {@link #onRunEnd} may return a {@link CompletionStage} that
 * completes when the work they started is durable (e.g. the run record committed). The engine never waits on it on
 * its own threads; it completes {@link RunHandle#started()} once every layer's start stage completed and
 * {@link RunHandle#completion()} once every layer's end stage completed, so a client hears of a run only after its
 * record exists and of its end only after the final record is durable. A stage that fails is logged and counts as
 * complete; one that does not complete within {@link #STAGE_TIMEOUT} is logged and no longer waited for.
 *
 * <p><b>Threading and failures.</b> Calls run on engine threads and must be quick (enqueue, do not write);
 * exceptions are logged and swallowed, they never affect the run.
 *
 * @since 2.0.0 the start and end hooks return a completion stage
 */
@ConsumerType
public interface EngineLayer {

    /** How long the engine waits for a layer's stage before it completes the run's handle without it. */
    java.time.Duration STAGE_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** A stage that is already complete: what a layer returns when it has nothing to make durable. */
    static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Before the run's first event.
     *
     * @return completes when what this layer did for the start is durable; {@link #done()} when nothing is pending
     */
    default CompletionStage<?> onRunStart(RunStarted started) {
        return done();
    }

    /** Every event of every run, in order per run; and the {@link RunRejected} of a run that never started. */
    default void onEvent(RunEvent event) {
    }

    /**
     * After the run's terminal event was delivered to the layers and the run's listeners.
     *
     * @return completes when what this layer did for the run is durable; {@link #done()} when nothing is pending
     */
    default CompletionStage<?> onRunEnd(RunFinished finished) {
        return done();
    }
}
