package io.tributary.node.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

/**
 * {@code start}: declares the run's input variables ({@code data.variables}) and outputs the values the run
 * was started with, each under its variable name. A variable that was not given gets its {@code default},
 * or {@code null}.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "start", version = "1.0.0")
public final class StartNodeType implements NodeType {
    static final Set<String> INPUT_TYPES = Set.of("text-input", "paragraph", "select", "number", "checkbox", "file",
            "file-list", "json", "json_object", "url");

    @Override
    public ExecutionType executionType() {
        return ExecutionType.ROOT;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        variables(node);
    }

    static List<Map<String, Object>> variables(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> vars = DataFields.objects(node.data(), "variables", problems);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < vars.size(); i++) {
            Map<String, Object> v = vars.get(i);
            String name = DataFields.string(v, "variable");
            String type = DataFields.string(v, "type");
            if (name == null || name.isBlank()) {
                problems.add("variables[" + i + "].variable is required");
            } else if (!seen.add(name)) {
                problems.add("variables[" + i + "].variable '" + name + "' is declared twice");
            }
            if (type != null && !INPUT_TYPES.contains(type)) {
                problems.add("variables[" + i + "].type '" + type + "' is not one of " + INPUT_TYPES);
            }
        }
        if (!problems.isEmpty()) {
            throw new NodeValidationException(problems.stream().map(p -> "node '" + node.id() + "': " + p).toList());
        }
        return vars;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<Map<String, Object>> vars = variables(node);
        return ctx -> {
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (Map<String, Object> v : vars) {
                String name = DataFields.string(v, "variable");
                Object value = ctx.runInputs().containsKey(name) ? ctx.runInputs().get(name) : v.get("default");
                outputs.put(name, value);
            }
            return NodeResult.of(outputs, outputs);
        };
    }
}
