package io.tributary.node.flow.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.variables.VariableWrites;

/**
 * {@code loop-end}: reaching it ends its loop after the current pass. It tells the loop through the variable
 * write-back convention ({@link VariableWrites}): it sets the loop's local {@code [loop_id, __loop_end__]},
 * which the loop reads from the pass's variables. No outputs.
 */
@Component(name = "io.tributary.node.flow.LoopEndNodeType", service = NodeType.class)
@NodeTypeProperties(type = "loop-end", version = "1.0.0")
public final class LoopEndNodeType implements NodeType {

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        loopId(node);
    }

    static String loopId(GraphNode node) throws NodeValidationException {
        NodeData d = NodeData.of(node);
        String id = d.raw("loop_id") instanceof String s && !s.isBlank() ? s
                : d.raw("parentId") instanceof String s ? s : null;
        if (id == null || id.isBlank()) {
            d.problem("loop_id", "is required: a loop-end node must be inside a loop");
        }
        d.throwIfInvalid();
        return id;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<String> selector = List.of(loopId(node), LoopNodeType.END_FLAG);
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", LoopNodeType.END_FLAG);
        update.put("selector", selector);
        update.put("value_type", "boolean");
        update.put("new_value", true);
        NodeResult result = new NodeResult(null, Map.of("updated_variables", List.of(update)), null, null, null);
        return ctx -> result;
    }
}
