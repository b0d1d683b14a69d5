package io.tributary.api.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A datasource node of a pipeline as {@code GET /v1/datasets/{id}/pipeline/datasource-plugins} lists it.
 *
 * @param nodeId             the node id
 * @param pluginId           {@code plugin_id} ({@code langgenius/file})
 * @param providerName       {@code provider_name}
 * @param datasourceType     {@code provider_type}
 * @param title              node title
 * @param userInputVariables RAG pipeline variables (wire shape) referenced by the node's parameters
 * @param credentials        {@code [{id, name, type, is_default}]}
 */
public record DatasourcePlugin(String nodeId, String pluginId, String providerName, String datasourceType,
                               String title, List<Map<String, Object>> userInputVariables,
                               List<Map<String, Object>> credentials) {
}
