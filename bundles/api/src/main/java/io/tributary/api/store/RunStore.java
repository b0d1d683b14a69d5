package io.tributary.api.store;

import io.tributary.api.store.dto.NodeExecutionRecord;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recorded workflow runs and their node executions, read-only. The store bundle records every run itself, as an
 * {@link io.tributary.api.engine.EngineLayer}: the run record is written from the run's events alone (its owner and
 * user come from {@link io.tributary.api.event.RunStarted#origin()}, a refused run from
 * {@link io.tributary.api.event.RunRejected}). Writes are queued behind the engine and committed in groups; the
 * layer's start and end stages complete when the record is committed, so
 * {@link io.tributary.api.engine.RunHandle#started()} and {@link io.tributary.api.engine.RunHandle#completion()}
 * tell a caller when the record is durable. Callers never write or flush run records.
 *
 * <p>Reads wait for every write queued before them, so they see a run as soon as its start was recorded. A run
 * record is final once the run ended, whether or not anyone was still listening. When the store starts, runs still
 * {@code running} (left by a process that stopped mid-run) are marked {@code failed} with the error
 * {@value #INTERRUPTED}.
 */
@ProviderType
public interface RunStore {

    /** The error of runs found {@code running} when the store starts. */
    String INTERRUPTED = "the server stopped while the run was in progress";

    /** The run, or empty. */
    Optional<RunRecord> run(String runId);

    /** The run's node executions, in start order. */
    List<NodeExecutionRecord> nodeExecutions(String runId);

    /** A page of an app's runs. */
    RunPage query(RunQuery query);
}
