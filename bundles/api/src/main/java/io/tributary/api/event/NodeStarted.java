package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A node execution started ({@code node_started}); emitted once per execution, retries emit {@link NodeRetry}.
 *
 * @param executionId       the node execution id ({@code node_started.data.id})
 * @param nodeId            the graph node id
 * @param nodeType          the Dify type string
 * @param nodeVersion       the installed node-type version the run resolved, e.g. {@code 1.0.0}
 * @param title             the node's title
 * @param index             1-based order of starting within the run
 * @param predecessorNodeId the node whose completion made it ready, or {@code null} for a root
 * @param inputs            inputs known before execution (usually empty; {@link NodeFinished} has them)
 * @param iterationId       the enclosing {@code iteration} node's id when run inside one, else {@code null}
 * @param loopId            the enclosing {@code loop} node's id when run inside one, else {@code null}
 */
public record NodeStarted(String runId, Instant at, String executionId, String nodeId, String nodeType,
                          String nodeVersion, String title, int index, String predecessorNodeId,
                          Map<String, Object> inputs, String iterationId, String loopId) implements RunEvent {
}
