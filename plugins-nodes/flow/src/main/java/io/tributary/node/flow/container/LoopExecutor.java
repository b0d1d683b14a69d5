package io.tributary.node.flow.container;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.SubgraphResult;
import io.tributary.api.node.Variables;

import io.tributary.node.flow.branch.ConditionEvaluator;

/**
 * One loop node of one run. Each pass gets the current loop variables as its locals; after the pass their
 * values are read back from the pass's variables (where assigners wrote them) and become the next pass's.
 * The break conditions see the pass's variables: the loop variables and the child nodes' outputs. As in Dify,
 * a break condition that cannot be evaluated (a missing variable) counts as false, with a warning.
 */
final class LoopExecutor implements NodeExecutor {
    private final String nodeId;
    private final LoopNodeType.Spec spec;

    LoopExecutor(String nodeId, LoopNodeType.Spec spec) {
        this.nodeId = nodeId;
        this.spec = spec;
    }

    @Override
    public NodeResult execute(NodeContext ctx) throws NodeExecutionException, InterruptedException {
        Map<String, Object> vars = initial(ctx);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("loop_count", spec.count());
        inputs.putAll(vars);
        Map<String, Object> durations = new LinkedHashMap<>();
        Map<String, Object> history = new LinkedHashMap<>();
        boolean broke = breaks(ctx, new ScopedVariables(ctx.variables(), nodeId, vars));
        int round = 0;
        while (!broke && round < spec.count()) {
            Stop.check(ctx, "loop '" + nodeId + "' stopped before pass " + round);
            long t0 = System.nanoTime();
            SubgraphResult r = ctx.subgraph().run(round, Collections.unmodifiableMap(new LinkedHashMap<>(vars)));
            durations.put(String.valueOf(round), (System.nanoTime() - t0) / 1e9);
            if (!r.succeeded()) {
                throw new NodeExecutionException(r.error() == null ? "loop pass " + round + " ended " + r.status()
                        : r.error(), "LoopNodeError", null);
            }
            for (LoopVariable v : spec.variables()) {
                vars.put(v.label(), r.variables().get(List.of(nodeId, v.label())));
            }
            history.put(String.valueOf(round), new LinkedHashMap<>(vars));
            round++;
            broke = Boolean.TRUE.equals(r.variables().get(List.of(nodeId, LoopNodeType.END_FLAG)))
                    || breaks(ctx, r.variables());
        }
        Map<String, Object> outputs = new LinkedHashMap<>(vars);
        outputs.put(LoopNodeType.ROUND, round);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("loop_length", spec.count());
        metadata.put("completed_reason", broke ? "loop_break" : "loop_completed");
        metadata.put("loop_duration_map", durations);
        metadata.put("loop_variable_map", history);
        return new NodeResult(inputs, null, outputs, metadata, null);
    }

    private Map<String, Object> initial(NodeContext ctx) throws NodeExecutionException {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (LoopVariable v : spec.variables()) {
            if (v.selector() == null) {
                vars.put(v.label(), v.constant());
            } else if (ctx.variables().contains(v.selector())) {
                vars.put(v.label(), ctx.variables().get(v.selector()));
            } else {
                throw new NodeExecutionException("invalid value for loop variable " + v.label() + ": variable "
                        + String.join(".", v.selector()) + " not found", "VariableNotFoundError", null);
            }
        }
        return vars;
    }

    private boolean breaks(NodeContext ctx, Variables variables) {
        if (spec.breakConditions().isEmpty()) {
            return false;
        }
        try {
            return new ConditionEvaluator(variables).evaluate(spec.breakConditions(), spec.and()).result();
        } catch (NodeExecutionException e) {
            ctx.log().warn("loop {}: break conditions not evaluated: {}", nodeId, e.getMessage());
            return false;
        }
    }
}
