package io.tributary.node.flow.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.DataFields;
import io.tributary.node.flow.branch.Condition;

/**
 * {@code loop}: runs its child graph again and again, at most {@code loop_count} times, until its
 * {@code break_conditions} (joined by {@code logical_operator}, the {@code if-else} conditions) hold — checked
 * before the first pass and after each — or a {@code loop-end} node was reached. {@code loop_variables} are
 * read as {@code [loop_id, label]}, changed by {@code assigner} nodes inside the loop and carried from pass to
 * pass. Outputs every loop variable and {@code loop_round} (the passes run). See {@link LoopExecutor}.
 */
@Component(name = "io.tributary.node.flow.LoopNodeType", service = NodeType.class)
@NodeTypeProperties(type = "loop", version = "1.0.0")
public final class LoopNodeType implements NodeType {
    /** The output counting passes. */
    static final String ROUND = "loop_round";
    /** The pass-local variable {@code loop-end} sets. */
    static final String END_FLAG = "__loop_end__";

    /** The parsed node data. */
    record Spec(int count, List<Condition> breakConditions, boolean and, List<LoopVariable> variables) {
    }

    @Override
    public ExecutionType executionType() {
        return ExecutionType.CONTAINER;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        spec(node);
    }

    static Spec spec(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> d = node.data();
        Long count = DataFields.integer(d, "loop_count", null, "loop_count", problems);
        if (count == null && d.get("loop_count") == null) {
            problems.add("'loop_count' is required");
        } else if (count != null && (count < 1 || count > Integer.MAX_VALUE)) {
            problems.add("'loop_count' must be at least 1");
        }
        List<Condition> conditions = Condition.parseAll(
                DataFields.objects(d, "break_conditions", problems), "break_conditions", problems);
        String logical = Condition.logical(d, "", problems);
        List<LoopVariable> variables = LoopVariable.parseAll(d, problems);
        Object mode = d.get("error_handle_mode");
        if (mode != null && !IterationNodeType.ERROR_MODES.contains(mode)) {
            problems.add("'error_handle_mode' must be one of " + new java.util.TreeSet<>(IterationNodeType.ERROR_MODES));
        }
        ContainerFields.checkStartNodeId(d, problems);
        DataFields.throwIfAny(node, problems);
        return new Spec(count.intValue(), conditions, "and".equals(logical), variables);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        return new LoopExecutor(node.id(), spec(node));
    }
}
