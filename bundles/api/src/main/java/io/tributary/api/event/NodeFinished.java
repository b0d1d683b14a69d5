package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A node ended: succeeded, failed, exception (handled failure) or stopped.
 *
 * @param errorType     short error type, or {@code null}
 * @param elapsedMillis time from start to end of the node execution (all attempts)
 */
public record NodeFinished(String runId, Instant at, String executionId, String nodeId, String nodeType,
                           String title, int index, String predecessorNodeId, NodeStatus status,
                           Map<String, Object> inputs, Map<String, Object> processData, Map<String, Object> outputs,
                           Map<String, Object> metadata, String error, String errorType, long elapsedMillis)
        implements RunEvent {
}
