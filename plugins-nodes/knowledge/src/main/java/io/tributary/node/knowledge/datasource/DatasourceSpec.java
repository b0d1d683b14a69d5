package io.tributary.node.knowledge.datasource;

import java.util.Map;

import io.tributary.api.datasource.DatasourceKey;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeValidationException;

/**
 * A datasource node's {@code data}: which provider it reads ({@code provider_type}, {@code plugin_id},
 * {@code provider_name}, {@code datasource_name}, as a {@link DatasourceKey}) and its
 * {@code datasource_parameters}.
 */
record DatasourceSpec(String nodeId, DatasourceKey key, Map<String, NodeData.Parameter> parameters) {
    static final String DEFAULT_DATASOURCE_NAME = "local_file";

    static DatasourceSpec parse(GraphNode node) throws NodeValidationException {
        NodeData data = NodeData.of(node);
        DatasourceType type = data.requiredEnum("provider_type", DatasourceType.class, DatasourceType::wireName);
        String pluginId = data.text("plugin_id");
        String providerName = data.text("provider_name");
        // Dify's default when the DSL has none (DatasourceNodeData.datasource_name), as the pipeline service reads it
        String datasourceName = data.string("datasource_name", DEFAULT_DATASOURCE_NAME);
        Map<String, NodeData.Parameter> parameters = data.parameters("datasource_parameters", true);
        data.throwIfInvalid();
        return new DatasourceSpec(node.id(), new DatasourceKey(type, pluginId, providerName, datasourceName),
                parameters);
    }

    DatasourceType type() {
        return key.type();
    }

    /** {@code plugin_id/provider_name} (or whichever of the two is set); empty when neither is. */
    String providerId() {
        return key.providerId();
    }
}
