package io.tributary.node.flow.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.Values;

/**
 * {@code assigner} version 1: writes {@code input_variable_selector}'s value into the (conversation) variable
 * {@code assigned_variable_selector} with {@code write_mode} {@code over-write}, {@code append} (arrays) or
 * {@code clear}. The update is returned as described in {@link VariableWrites}.
 */
@Component(name = "io.tributary.node.flow.AssignerV1NodeType", service = NodeType.class)
@NodeTypeProperties(type = "assigner", version = "1.0.0")
public final class AssignerV1NodeType implements NodeType {
    static final Set<String> MODES = Set.of("over-write", "append", "clear");

    /** The parsed node data. */
    record Spec(List<String> target, String mode, List<String> input) {
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        spec(node);
    }

    static Spec spec(GraphNode node) throws NodeValidationException {
        NodeData d = NodeData.of(node);
        List<String> target = NodeData.selectorOf(d.raw("assigned_variable_selector"));
        if (target == null) {
            d.problem("assigned_variable_selector", "must be a list of at least two strings");
        }
        String mode = d.raw("write_mode") instanceof String s ? s : null;
        if (mode == null || !MODES.contains(mode)) {
            d.problem("write_mode", "must be one of " + MODES);
        }
        List<String> input = NodeData.selectorOf(d.raw("input_variable_selector"));
        if (input == null && !"clear".equals(mode)) {
            d.problem("input_variable_selector", "must be a list of at least two strings");
        }
        d.throwIfInvalid();
        return new Spec(target, mode, input);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        Spec spec = spec(node);
        return ctx -> {
            VariableWrites writes = new VariableWrites(ctx.variables());
            String where = "node '" + node.id() + "'";
            if (!writes.exists(spec.target())) {
                throw new NodeExecutionException(where + ": assigned variable " + VariableWrites.key(spec.target())
                        + " not found", "VariableNotFoundError", null);
            }
            Object current = writes.get(spec.target());
            Object input = null;
            if (!spec.mode().equals("clear")) {
                input = writes.get(spec.input());
                if (input == null) {
                    throw new NodeExecutionException(where + ": input value " + VariableWrites.key(spec.input())
                            + " not found", "VariableNotFoundError", null);
                }
            }
            Object updated = switch (spec.mode()) {
                case "over-write" -> input;
                case "append" -> {
                    if (!(current instanceof List<?> l)) {
                        throw new NodeExecutionException(where + ": append mode requires an array variable, "
                                + VariableWrites.key(spec.target()) + " is " + Values.typeName(current),
                                "OperationNotSupportedError", null);
                    }
                    List<Object> list = new ArrayList<>(l);
                    list.add(input);
                    yield list;
                }
                default -> VariableWrites.zero(current);
            };
            writes.put(spec.target(), updated);
            java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>();
            inputs.put("value", spec.mode().equals("clear") ? updated : input);
            return writes.result(inputs);
        };
    }
}
