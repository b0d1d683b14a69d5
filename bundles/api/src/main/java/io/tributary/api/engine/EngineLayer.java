package io.tributary.api.engine;

import org.osgi.annotation.versioning.ConsumerType;

import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;

/**
 * Observes every run, registered as an OSGi service (whiteboard), like Dify's engine layers: persistence
 * writes run and node records, the HTTP bundle fans events out to SSE clients, metrics count.
 *
 * <p>The layers registered when a run starts see that whole run; a layer registered later sees only later
 * runs. For one run the calls are never concurrent and come in this order: {@link #onRunStart}, then
 * {@link #onEvent} for every event (including the {@link RunStarted} and the final {@link RunFinished}), then
 * {@link #onRunEnd}. Calls run on engine threads and must be quick; exceptions are logged and swallowed, they
 * never affect the run.
 */
@ConsumerType
public interface EngineLayer {

    /** Before the run's first event. */
    default void onRunStart(RunStarted started) {
    }

    /** Every event of every run, in order per run. */
    default void onEvent(RunEvent event) {
    }

    /** After the run's terminal event was delivered. */
    default void onRunEnd(RunFinished finished) {
    }
}
