package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A failed attempt will be retried after the node's {@code retry_interval} ({@code node_retry}); carries the
 * fields of {@link NodeFinished} for the failed attempt plus the retry index. The same execution id is kept
 * for every attempt.
 *
 * @param retryIndex 1 for the first retry
 * @param error      why the attempt failed
 */
public record NodeRetry(String runId, Instant at, String executionId, String nodeId, String nodeType,
                        String nodeVersion, String title, int index, String predecessorNodeId, int retryIndex,
                        Map<String, Object> inputs, Map<String, Object> processData, Map<String, Object> outputs,
                        Map<String, Object> metadata, String error, String errorType, Instant startedAt,
                        long elapsedMillis, String iterationId, String loopId) implements RunEvent {
}
