package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Map;

import io.tributary.api.event.RunStatus;
import io.tributary.api.model.JsonValues;

/**
 * A recorded workflow run ({@code workflow_runs}).
 *
 * @param id            the run id ({@code workflow_run_id}, also the {@code task_id})
 * @param appId         the app it ran, or {@code null} for a run not started through an app
 * @param workflowId    the published version it ran ({@link AppVersion#workflowId()}), or {@code null}
 * @param status        {@code running} until it ends
 * @param inputs        the inputs it was started with
 * @param outputs       its outputs; empty until it ends
 * @param error         why it failed or stopped, or {@code null}
 * @param elapsedMillis wall time, 0 while running
 * @param totalTokens   tokens reported by its nodes
 * @param totalSteps    node executions started
 * @param createdBy     the {@code user} that started it, or {@code null}
 * @param createdAt     when it started
 * @param finishedAt    when it ended, or {@code null} while running
 */
public record RunRecord(String id, String appId, String workflowId, RunStatus status, Map<String, Object> inputs,
                        Map<String, Object> outputs, String error, long elapsedMillis, long totalTokens,
                        int totalSteps, String createdBy, Instant createdAt, Instant finishedAt) {
    public RunRecord {
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
        outputs = outputs == null ? Map.of() : JsonValues.freeze(outputs);
    }

    /** A run that has just started. */
    public static RunRecord started(String id, String appId, String workflowId, Map<String, Object> inputs,
                                    String createdBy, Instant createdAt) {
        return new RunRecord(id, appId, workflowId, RunStatus.RUNNING, inputs, Map.of(), null, 0, 0, 0, createdBy,
                createdAt, null);
    }
}
