package io.tributary.node.chunkers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.node.NodeData;
import io.tributary.api.node.Variables;

/**
 * A Dify tool node's parameters: {@code tool_configurations} (plain values or {@code {type, value}}) overlaid by
 * {@code tool_parameters} ({@code {name: {type: mixed|variable|constant, value}}}), both read with the API's
 * {@link NodeData#parameters}. {@code constant} values are used as they are, {@code variable} values are selectors
 * read from the variable pool, {@code mixed} values are Dify templates ({@code {{#node.var#}}}) rendered to text —
 * or, when the template is exactly one reference and the caller wants the value itself (a file), read as that
 * variable.
 */
final class ToolParameters {
    /** A value not known before the run (a variable or a template with references). */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "(known at run time)";
        }
    };

    private final Map<String, NodeData.Parameter> params;

    private ToolParameters(Map<String, NodeData.Parameter> params) {
        this.params = params;
    }

    /** Reads both maps, adding a problem for every malformed entry. */
    static ToolParameters read(Map<String, Object> data, List<String> problems) {
        NodeData reader = NodeData.of("", data);
        Map<String, NodeData.Parameter> params = new LinkedHashMap<>(reader.parameters("tool_configurations", true));
        params.putAll(reader.parameters("tool_parameters", false));
        problems.addAll(reader.problems());
        return new ToolParameters(params);
    }

    boolean has(String name) {
        return params.containsKey(name) && params.get(name).value() != null;
    }

    /** The value when it is known before the run, {@link #UNKNOWN} when not, {@code null} when absent. */
    Object atImport(String name) {
        NodeData.Parameter p = params.get(name);
        if (p == null || p.value() == null) {
            return null;
        }
        return p.knownAtImport() ? p.value() : UNKNOWN;
    }

    /** The value for this run: templates rendered to text; {@code null} when absent. */
    Object resolve(String name, Variables variables) {
        NodeData.Parameter p = params.get(name);
        return p == null ? null : p.resolve(variables);
    }

    /** Like {@link #resolve}, but a template that is exactly one reference yields that variable's value. */
    Object resolveValue(String name, Variables variables) {
        NodeData.Parameter p = params.get(name);
        return p == null ? null : p.resolveValue(variables);
    }
}
