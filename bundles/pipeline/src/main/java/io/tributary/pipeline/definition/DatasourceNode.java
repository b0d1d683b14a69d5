package io.tributary.pipeline.definition;

import java.util.List;
import java.util.Map;

import io.tributary.api.datasource.DatasourceKey;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;

/**
 * A {@code datasource} node of a pipeline graph (dify.md §2.2), read from its {@code data}.
 *
 * @param node           the graph node
 * @param pluginId       {@code plugin_id} ({@code langgenius/file})
 * @param providerName   {@code provider_name} ({@code file})
 * @param providerType   {@code provider_type} ({@code local_file}, ...)
 * @param datasourceName {@code datasource_name} ({@code upload-file})
 * @param parameters     {@code datasource_parameters}: name → {@code {type, value}}
 */
public record DatasourceNode(GraphNode node, String pluginId, String providerName, String providerType,
                             String datasourceName, Map<String, Object> parameters) {
    /** The Dify node type of datasource nodes. */
    public static final String TYPE = "datasource";

    /** The datasource node with this id, or {@code null} when there is none (or it is another type). */
    public static DatasourceNode find(Graph graph, String nodeId) {
        return graph.node(nodeId == null ? "" : nodeId).filter(n -> TYPE.equals(n.type()))
                .map(DatasourceNode::of).orElse(null);
    }

    /** Every datasource node, in graph order. */
    public static List<DatasourceNode> all(Graph graph) {
        return graph.nodes().stream().filter(n -> TYPE.equals(n.type())).map(DatasourceNode::of).toList();
    }

    @SuppressWarnings("unchecked")
    static DatasourceNode of(GraphNode n) {
        Map<String, Object> d = n.data();
        Object params = d.get("datasource_parameters");
        return new DatasourceNode(n, text(d.get("plugin_id")), text(d.get("provider_name")),
                text(d.get("provider_type")), d.get("datasource_name") == null ? "local_file"
                        : text(d.get("datasource_name")),
                params instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /** Which provider the node names, for the {@link io.tributary.api.datasource.DatasourceRegistry}. */
    public DatasourceKey key(DatasourceType type) {
        return new DatasourceKey(type, pluginId, providerName, datasourceName);
    }

    /** The node's id. */
    public String id() {
        return node.id();
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
