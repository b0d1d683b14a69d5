package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A run ended ({@code workflow_finished}): succeeded, failed, partial-succeeded or stopped. Always the last
 * event of a run, emitted exactly once.
 *
 * @param workflowId      the workflow it ran, as in {@link RunStarted}
 * @param status          how it ended
 * @param outputs         the response nodes' outputs ({@code end} outputs; {@code answer} texts concatenated)
 * @param error           why it failed or stopped (the stop reason), or {@code null}
 * @param exceptionsCount node failures that were handled by an error strategy
 * @param totalSteps      node executions started
 * @param totalTokens     tokens reported by nodes ({@code total_tokens} metadata)
 * @param startedAt       when the run started ({@code created_at})
 * @param elapsedMillis   wall time of the run
 */
public record RunFinished(String runId, Instant at, String workflowId, RunStatus status, Map<String, Object> outputs,
                          String error, int exceptionsCount, int totalSteps, long totalTokens, Instant startedAt,
                          long elapsedMillis) implements RunEvent {
}
