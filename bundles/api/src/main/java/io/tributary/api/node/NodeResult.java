package io.tributary.api.node;

import java.util.Map;

import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.JsonValues;

/**
 * What a node produced.
 *
 * @param inputs           the inputs the node actually used (shown in {@code node_finished.inputs})
 * @param processData      intermediate data worth showing ({@code node_finished.process_data})
 * @param outputs          the outputs, written to the variable pool as {@code [node_id, key]}
 * @param metadata         execution metadata ({@code total_tokens}, {@code tool_info}, ...)
 * @param edgeSourceHandle the branch taken; {@value GraphEdge#DEFAULT_HANDLE} for non-branch nodes
 */
public record NodeResult(Map<String, Object> inputs, Map<String, Object> processData, Map<String, Object> outputs,
                         Map<String, Object> metadata, String edgeSourceHandle) {
    public NodeResult {
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
        processData = processData == null ? Map.of() : JsonValues.freeze(processData);
        outputs = outputs == null ? Map.of() : JsonValues.freeze(outputs);
        metadata = metadata == null ? Map.of() : JsonValues.freeze(metadata);
        edgeSourceHandle = edgeSourceHandle == null ? GraphEdge.DEFAULT_HANDLE : edgeSourceHandle;
    }

    /** A result with only outputs. */
    public static NodeResult of(Map<String, Object> outputs) {
        return new NodeResult(null, null, outputs, null, null);
    }

    /** A result with inputs and outputs. */
    public static NodeResult of(Map<String, Object> inputs, Map<String, Object> outputs) {
        return new NodeResult(inputs, null, outputs, null, null);
    }

    /** A branch node's result: the selected handle and its outputs. */
    public static NodeResult branch(String handle, Map<String, Object> inputs, Map<String, Object> outputs) {
        return new NodeResult(inputs, null, outputs, null, handle);
    }
}
