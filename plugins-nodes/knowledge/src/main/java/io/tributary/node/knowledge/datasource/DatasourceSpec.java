package io.tributary.node.knowledge.datasource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;
import io.tributary.node.knowledge.NodeData;

/**
 * A datasource node's {@code data}: which provider it reads ({@code provider_type}, {@code plugin_id},
 * {@code provider_name}, {@code datasource_name}) and its {@code datasource_parameters}.
 *
 * @param providerId {@code plugin_id/provider_name} (or whichever of the two is set); empty when neither is
 */
record DatasourceSpec(String nodeId, DatasourceType type, String pluginId, String providerName,
                      String datasourceName, String providerId, Map<String, Object> parameters) {

    static DatasourceSpec parse(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> data = node.data();
        String typeName = NodeData.string(data, "provider_type");
        DatasourceType type = DatasourceType.fromWire(typeName);
        if (typeName == null) {
            problems.add("'provider_type' is required (local_file, online_document, website_crawl or online_drive)");
        } else if (type == null) {
            problems.add("'provider_type' '" + typeName
                    + "' is not one of local_file, online_document, website_crawl, online_drive");
        }
        for (String key : List.of("plugin_id", "provider_name", "datasource_name")) {
            if (data.get(key) != null && !(data.get(key) instanceof String)) {
                problems.add("'" + key + "' must be text");
            }
        }
        Object params = data.get("datasource_parameters");
        if (params != null && !(params instanceof Map)) {
            problems.add("'datasource_parameters' must be an object");
        }
        NodeData.throwIfAny(node, problems);
        String pluginId = blankToEmpty(NodeData.text(data, "plugin_id"));
        String providerName = blankToEmpty(NodeData.text(data, "provider_name"));
        String providerId = pluginId.isEmpty() ? providerName
                : providerName.isEmpty() ? pluginId : pluginId + "/" + providerName;
        Map<String, Object> parameters = NodeData.object(data, "datasource_parameters");
        return new DatasourceSpec(node.id(), type, pluginId, providerName,
                blankToEmpty(NodeData.text(data, "datasource_name")), providerId,
                parameters == null ? Map.of() : parameters);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** How the provider is named in messages: its id and type. */
    String describe() {
        return (providerId.isEmpty() ? "(any)" : "'" + providerId + "'") + " (" + type.wireName() + ")";
    }
}
