package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A node started (first attempt only; retries emit {@link NodeRetry}).
 *
 * @param executionId       the node execution id
 * @param index             1-based order of starting within the run
 * @param predecessorNodeId the node whose completion made it ready, or {@code null}
 */
public record NodeStarted(String runId, Instant at, String executionId, String nodeId, String nodeType,
                          String title, int index, String predecessorNodeId, Map<String, Object> inputs)
        implements RunEvent {
}
