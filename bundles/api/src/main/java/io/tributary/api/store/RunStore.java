package io.tributary.api.store;

import io.tributary.api.store.dto.NodeExecutionRecord;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recorded workflow runs and their node executions. The store bundle records every run of the engine itself (an
 * {@link io.tributary.api.engine.EngineLayer}); a caller that knows more about a run than its events say (the
 * app and the user that started it) calls {@link #begin} before starting it.
 *
 * <p>A run record is final once the run ended, whether or not anyone was still listening. When the store starts,
 * runs still {@code running} (left by a process that stopped mid-run) are marked {@code failed} with the error
 * {@value #INTERRUPTED}.
 */
@ProviderType
public interface RunStore {

    /** The error of runs found {@code running} when the store starts. */
    String INTERRUPTED = "the server stopped while the run was in progress";

    /** Records a run about to start (status {@code running}); the engine's events then complete it. */
    void begin(RunRecord run);

    /** Marks a run that never started (rejected) as failed with this error. */
    void reject(String runId, String error);

    /** The run, or empty. */
    Optional<RunRecord> run(String runId);

    /** The run's node executions, in start order. */
    List<NodeExecutionRecord> nodeExecutions(String runId);

    /** A page of an app's runs. */
    RunPage query(RunQuery query);

    /**
     * Waits until every record written before this call (by {@link #begin}, {@link #reject} or the engine's events)
     * is durable in the database. Records are written behind the engine with group commit; a caller that is about
     * to acknowledge a finished run to a client calls this first. Reads of this store flush by themselves.
     */
    default void flush() {
    }
}
