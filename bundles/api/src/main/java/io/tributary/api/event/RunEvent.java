package io.tributary.api.event;

import java.time.Instant;

/** Any event of a run. */
public interface RunEvent {
    /** The run ({@code workflow_run_id}). */
    String runId();

    /** When it happened. */
    Instant at();
}
