package io.tributary.node.flow.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.DataFields;

/**
 * {@code iteration}: runs its child graph once per item of {@code iterator_selector}, each pass reading
 * {@code [iteration_id, item]} and {@code [iteration_id, index]}, and outputs {@code output}: the value of
 * {@code output_selector} after each pass, in item order. {@code is_parallel} runs up to
 * {@code parallel_nums} passes at once. {@code error_handle_mode}: {@code terminated} (a failed pass fails the
 * node and stops the others), {@code continue-on-error} ({@code null} in its place) or
 * {@code remove-abnormal-output} (left out). {@code flatten_output} (default true) joins the outputs when every
 * one of them is a list. See {@link IterationExecutor}.
 */
@Component(name = "io.tributary.node.flow.IterationNodeType", service = NodeType.class)
@NodeTypeProperties(type = "iteration", version = "1.0.0")
public final class IterationNodeType implements NodeType {
    static final String TERMINATED = "terminated";
    static final String CONTINUE_ON_ERROR = "continue-on-error";
    static final String REMOVE_ABNORMAL_OUTPUT = "remove-abnormal-output";
    static final Set<String> ERROR_MODES = Set.of(TERMINATED, CONTINUE_ON_ERROR, REMOVE_ABNORMAL_OUTPUT);
    static final long DEFAULT_PARALLEL_NUMS = 10;

    /** The parsed node data. */
    record Spec(List<String> iterator, List<String> output, boolean parallel, int parallelNums, String errorMode,
                boolean flatten) {
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
        List<String> iterator = NodeData.selectorOf(d.get("iterator_selector"));
        if (iterator == null) {
            problems.add("'iterator_selector' must be a list of at least two strings");
        }
        List<String> output = NodeData.selectorOf(d.get("output_selector"));
        if (output == null) {
            problems.add("'output_selector' must be a list of at least two strings");
        }
        boolean parallel = DataFields.bool(d, "is_parallel", false, "is_parallel", problems);
        Long nums = DataFields.integer(d, "parallel_nums", DEFAULT_PARALLEL_NUMS, "parallel_nums", problems);
        if (nums != null && (nums < 1 || nums > Integer.MAX_VALUE)) {
            problems.add("'parallel_nums' must be at least 1");
        }
        Object mode = d.getOrDefault("error_handle_mode", TERMINATED);
        if (!(mode instanceof String m) || !ERROR_MODES.contains(m)) {
            problems.add("'error_handle_mode' must be one of " + new java.util.TreeSet<>(ERROR_MODES));
        }
        boolean flatten = DataFields.bool(d, "flatten_output", true, "flatten_output", problems);
        ContainerFields.checkStartNodeId(d, problems);
        DataFields.throwIfAny(node, problems);
        return new Spec(iterator, output, parallel, nums.intValue(), (String) mode, flatten);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        return new IterationExecutor(node.id(), spec(node));
    }
}
