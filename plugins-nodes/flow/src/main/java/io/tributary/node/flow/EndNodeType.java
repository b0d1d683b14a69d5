package io.tributary.node.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

/**
 * {@code end}: the run's outputs. Each {@code data.outputs[]} entry names an output {@code variable} and the
 * {@code value_selector} it is read from; a selector that names nothing yields {@code null}.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "end", version = "1.0.0")
public final class EndNodeType implements NodeType {

    /** One declared output. */
    record Output(String variable, List<String> selector) {
    }

    @Override
    public ExecutionType executionType() {
        return ExecutionType.RESPONSE;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        outputs(node);
    }

    static List<Output> outputs(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        List<Output> out = new ArrayList<>();
        List<Map<String, Object>> decl = DataFields.objects(node.data(), "outputs", problems);
        for (int i = 0; i < decl.size(); i++) {
            String name = DataFields.string(decl.get(i), "variable");
            List<String> selector = NodeData.selectorOf(decl.get(i).get("value_selector"));
            if (name == null || name.isBlank()) {
                problems.add("outputs[" + i + "].variable is required");
            }
            if (selector == null) {
                problems.add("outputs[" + i + "].value_selector must be a list of at least two strings");
            }
            out.add(new Output(name, selector));
        }
        if (!problems.isEmpty()) {
            throw new NodeValidationException(problems.stream().map(p -> "node '" + node.id() + "': " + p).toList());
        }
        return out;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<Output> outputs = outputs(node);
        return ctx -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Output o : outputs) {
                values.put(o.variable(), ctx.variables().get(o.selector()));
            }
            return NodeResult.of(values, values);
        };
    }
}
