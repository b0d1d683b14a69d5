package io.tributary.api.pipeline;

import java.util.Map;

import io.tributary.api.model.JsonValues;

/**
 * A datasource node run request ({@code POST .../pipeline/datasource/nodes/{node_id}/run}).
 *
 * @param inputs         user inputs for the node's parameters
 * @param datasourceType the datasource type's wire name
 * @param credentialId   the credential to use, or {@code null} for the provider's default
 * @param published      use the published pipeline (true) or the draft
 */
public record DatasourceNodeRun(Map<String, Object> inputs, String datasourceType, String credentialId,
                                boolean published) {
    public DatasourceNodeRun {
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
    }
}
