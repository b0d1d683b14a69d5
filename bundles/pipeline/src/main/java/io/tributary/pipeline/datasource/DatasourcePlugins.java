package io.tributary.pipeline.datasource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.pipeline.DatasourcePlugin;
import io.tributary.pipeline.definition.DatasourceNode;

/** The {@code datasource-plugins} listing of a pipeline (dify.md §1.2). */
public final class DatasourcePlugins {
    private DatasourcePlugins() {
    }

    /** One entry per datasource node, in graph order; credentials are not managed yet, so always {@code []}. */
    public static List<DatasourcePlugin> of(DslDocument doc) {
        return DatasourceNode.all(doc.graph()).stream().map(n -> {
            Set<String> referenced = ParameterValues.referencedInputs(n.parameters());
            List<Map<String, Object>> vars = doc.ragPipelineVariables().stream()
                    .filter(v -> referenced.contains(v.variable())).map(DatasourcePlugins::wire).toList();
            return new DatasourcePlugin(n.id(), n.pluginId(), n.providerName(), n.providerType(), n.node().title(),
                    vars, List.of());
        }).toList();
    }

    /** A RAG pipeline variable in Dify's wire shape. */
    static Map<String, Object> wire(RagPipelineVariable v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("belong_to_node_id", v.belongToNodeId());
        m.put("type", v.type());
        m.put("label", v.label());
        m.put("description", v.description());
        m.put("variable", v.variable());
        m.put("max_length", v.maxLength());
        m.put("default_value", v.defaultValue());
        m.put("placeholder", v.placeholder());
        m.put("unit", v.unit());
        m.put("tooltips", v.tooltips());
        m.put("allowed_file_types", v.allowedFileTypes());
        m.put("allowed_file_extensions", v.allowedFileExtensions());
        m.put("allowed_file_upload_methods", v.allowedFileUploadMethods());
        m.put("required", v.required());
        m.put("options", v.options());
        return m;
    }
}
