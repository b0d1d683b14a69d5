package io.tributary.api.app;

import io.tributary.api.engine.RunHandle;

/**
 * A started run of a workflow app.
 *
 * @param handle     the run: {@link RunHandle#started()} completes once its record exists,
 *                   {@link RunHandle#completion()} once its final record is durable
 * @param workflowId the published version it runs ({@code workflow_id} of its events)
 */
public record AppRun(RunHandle handle, String workflowId) {
    /** The run's id ({@code task_id} and {@code workflow_run_id}). */
    public String runId() {
        return handle.runId();
    }
}
