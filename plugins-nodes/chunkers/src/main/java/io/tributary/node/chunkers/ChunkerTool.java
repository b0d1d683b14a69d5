package io.tributary.node.chunkers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeValidationException;

/**
 * What the three chunker tools share: parameters read once from {@code tool_configurations}/{@code tool_parameters},
 * checked at import as far as they are constants, resolved and checked again when the node runs (a bad value then
 * fails the node with the same message). The single output is {@code result}.
 */
abstract class ChunkerTool implements NodeType {

    @Override
    public final void validate(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        ToolParameters params = ToolParameters.read(node.data(), problems);
        check(params, params::atImport, problems);
        if (!problems.isEmpty()) {
            throw new NodeValidationException(problems.stream().map(p -> "node '" + node.id() + "': " + p).toList());
        }
    }

    @Override
    public final NodeExecutor create(GraphNode node) throws NodeValidationException {
        validate(node);
        ToolParameters params = ToolParameters.read(node.data(), new ArrayList<>());
        return ctx -> run(params, ctx);
    }

    /**
     * Checks the parameters, with {@code value} giving each one's value ({@link ToolParameters#UNKNOWN} at import
     * for what only the run knows).
     */
    abstract void check(ToolParameters params, Function<String, Object> value, List<String> problems);

    abstract NodeResult run(ToolParameters params, NodeContext ctx) throws NodeExecutionException;

    /** Throws the problems found at run time as one node failure. */
    static void failIfAny(List<String> problems) throws NodeExecutionException {
        if (!problems.isEmpty()) {
            throw new NodeExecutionException(String.join("; ", problems), "ToolParameterError", null);
        }
    }

    /** Adds a problem when a required parameter is missing. */
    static void require(ToolParameters params, String name, List<String> problems) {
        if (!params.has(name)) {
            problems.add("tool parameter '" + name + "' is required");
        }
    }

    static boolean known(Object v) {
        return v != ToolParameters.UNKNOWN;
    }
}
