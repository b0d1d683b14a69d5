package io.tributary.node.knowledge.datasource;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.node.Variables;
import io.tributary.node.knowledge.NodeData;

/**
 * {@code datasource_parameters}: {@code {name: {type: mixed|variable|constant, value}}}. {@code mixed} is a template
 * ({@code {{#rag.shared.url#}}}), {@code variable} a selector, {@code constant} the value itself.
 */
final class DatasourceParameters {
    private DatasourceParameters() {
    }

    /** Every parameter resolved against the run's variables (the node's inputs, as in Dify). */
    static Map<String, Object> resolve(Map<String, Object> parameters, Variables variables) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            if (!(p instanceof Map<?, ?> m)) {
                out.put(name, p);
                return;
            }
            Object value = m.get("value");
            String type = m.get("type") instanceof String t ? t : "constant";
            out.put(name, switch (type) {
                case "mixed" -> value instanceof String s ? variables.render(s) : value;
                case "variable" -> NodeData.selector(value) == null ? null : variables.get(NodeData.selector(value));
                default -> value;
            });
        });
        return out;
    }
}
