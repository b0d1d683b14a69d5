package io.tributary.api.event;

import java.time.Instant;

/**
 * A failed attempt will be retried ({@code node_retry}).
 *
 * @param retryIndex 1 for the first retry
 * @param error      why the attempt failed
 */
public record NodeRetry(String runId, Instant at, String executionId, String nodeId, String nodeType, String title,
                        int retryIndex, String error) implements RunEvent {
}
