package io.tributary.api.engine;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;

/** A started run. Thread-safe; valid after the run ended (then it only reports the result). */
@ProviderType
public interface RunHandle {

    /** The run's id ({@code workflow_run_id} / {@code task_id}). */
    String runId();

    /**
     * Stops the run: running nodes are interrupted and cancelled at once, nothing new starts, pending retries
     * are dropped. The run ends with status {@code stopped} and {@code error = reason}; a node that honours
     * interruption ends within milliseconds. Does nothing once the run has ended. Never blocks.
     */
    void stop(String reason);

    /**
     * Waits for the run to end.
     *
     * @return the terminal event (delivered to every listener, and the layers' end work durable, before this
     *         returns)
     * @throws TimeoutException when the run is still going after {@code timeout}
     */
    RunFinished await(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * Completes with the run's first event once every {@link EngineLayer}'s start-of-run work is durable (the run
     * record exists): a caller that streams the run writes the first event to its client after this.
     *
     * @since 2.0.0
     */
    CompletionStage<RunStarted> started();

    /**
     * Completes with the terminal event once it has been delivered to every listener <em>and</em> every
     * {@link EngineLayer}'s end-of-run work is durable (the final run record is committed). A caller answering a
     * client waits for this, and never flushes a store.
     */
    CompletionStage<RunFinished> completion();

    /**
     * Adds a listener. It receives every event emitted after this call, in order, and always the terminal
     * {@link RunFinished} (at once when the run has already ended). Nothing earlier is replayed; to see a run
     * from its first event, pass the listener in {@link RunRequest#listener()}.
     */
    void subscribe(RunListener listener);

    /** Removes a listener; it may still receive an event that was being delivered. */
    void unsubscribe(RunListener listener);
}
