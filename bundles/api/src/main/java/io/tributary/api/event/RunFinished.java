package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A run ended (succeeded, failed, partial-succeeded or stopped).
 *
 * @param status          how it ended
 * @param outputs         the response nodes' outputs
 * @param error           why it failed or stopped, or {@code null}
 * @param exceptionsCount node failures that were handled by an error strategy
 * @param totalSteps      node executions started
 * @param totalTokens     tokens used by model calls
 * @param elapsedMillis   wall time of the run
 */
public record RunFinished(String runId, Instant at, RunStatus status, Map<String, Object> outputs, String error,
                          int exceptionsCount, int totalSteps, long totalTokens, long elapsedMillis)
        implements RunEvent {
}
