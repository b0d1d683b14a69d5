package io.tributary.node.knowledge.datasource;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.node.NodeData;
import io.tributary.api.node.Variables;

/**
 * {@code datasource_parameters}: {@code {name: {type: mixed|variable|constant, value}}}. {@code mixed} is a template
 * ({@code {{#rag.shared.url#}}}), {@code variable} a selector, {@code constant} the value itself.
 */
final class DatasourceParameters {
    private DatasourceParameters() {
    }

    /** Every parameter resolved against the run's variables (the node's inputs, as in Dify). */
    static Map<String, Object> resolve(Map<String, NodeData.Parameter> parameters, Variables variables) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> out.put(name, p.resolve(variables)));
        return out;
    }
}
