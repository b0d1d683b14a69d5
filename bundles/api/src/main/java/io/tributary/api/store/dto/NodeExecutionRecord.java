package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Map;

import io.tributary.api.event.NodeStatus;
import io.tributary.api.model.JsonValues;

/**
 * A recorded node execution ({@code node_executions}), one per {@link io.tributary.api.event.NodeStarted}.
 *
 * @param id                the node execution id
 * @param runId             its run
 * @param nodeId            graph node id
 * @param nodeType          Dify type string
 * @param title             node title
 * @param index             1-based start order within the run
 * @param predecessorNodeId the node that made it ready, or {@code null}
 * @param status            {@code running} until it ends
 * @param inputs            inputs it reported
 * @param processData       intermediate data it reported
 * @param outputs           its outputs
 * @param error             error message, or {@code null}
 * @param elapsedMillis     time from start to end
 * @param createdAt         when it started
 * @param finishedAt        when it ended, or {@code null}
 */
public record NodeExecutionRecord(String id, String runId, String nodeId, String nodeType, String title, int index,
                                  String predecessorNodeId, NodeStatus status, Map<String, Object> inputs,
                                  Map<String, Object> processData, Map<String, Object> outputs, String error,
                                  long elapsedMillis, Instant createdAt, Instant finishedAt) {
    public NodeExecutionRecord {
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
        processData = processData == null ? Map.of() : JsonValues.freeze(processData);
        outputs = outputs == null ? Map.of() : JsonValues.freeze(outputs);
    }
}
