package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A node execution ended ({@code node_finished}): succeeded, failed, exception (a failure handled by
 * {@code fail-branch} or {@code default-value}) or stopped.
 *
 * @param executionId       the node execution id, as in its {@link NodeStarted}
 * @param nodeVersion       the installed node-type version that ran
 * @param index             as in its {@link NodeStarted}
 * @param predecessorNodeId as in its {@link NodeStarted}
 * @param status            how it ended
 * @param inputs            the inputs the node reported using
 * @param processData       intermediate data the node reported
 * @param outputs           its outputs (for {@code exception}: the error outputs or default values)
 * @param metadata          execution metadata: the node's own ({@code total_tokens}, ...) plus
 *                          {@code error_strategy}, {@code retry_count}, {@code iteration_id}/{@code iteration_index}
 *                          or {@code loop_id}/{@code loop_index} when set
 * @param error             the error message, or {@code null}
 * @param errorType         short error type, or {@code null}
 * @param startedAt         when the execution started ({@code created_at})
 * @param elapsedMillis     time from start to end of the execution (all attempts and retry waits)
 * @param iterationId       the enclosing {@code iteration} node's id, or {@code null}
 * @param loopId            the enclosing {@code loop} node's id, or {@code null}
 */
public record NodeFinished(String runId, Instant at, String executionId, String nodeId, String nodeType,
                           String nodeVersion, String title, int index, String predecessorNodeId, NodeStatus status,
                           Map<String, Object> inputs, Map<String, Object> processData, Map<String, Object> outputs,
                           Map<String, Object> metadata, String error, String errorType, Instant startedAt,
                           long elapsedMillis, String iterationId, String loopId) implements RunEvent {
}
