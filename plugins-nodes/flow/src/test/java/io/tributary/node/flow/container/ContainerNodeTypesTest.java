package io.tributary.node.flow.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.RunStatus;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeLog;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.node.SubgraphResult;
import io.tributary.api.node.SubgraphRunner;
import io.tributary.api.node.Variables;

import io.tributary.node.flow.TestContext;
import io.tributary.node.flow.branch.Operators;

/** Validation of iteration, loop and loop-end data, and the parts of their execution no graph test reaches. */
class ContainerNodeTypesTest {

    private static GraphNode node(String type, Object... kv) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return new GraphNode("n", type, null, "", d);
    }

    private static List<String> problems(NodeType type, GraphNode node) {
        return assertThrows(NodeValidationException.class, () -> type.validate(node)).problems();
    }

    @Test
    void iterationDataIsCheckedFieldByField() throws Exception {
        assertEquals(List.of(
                "node 'n': 'iterator_selector' must be a list of at least two strings",
                "node 'n': 'output_selector' must be a list of at least two strings",
                "node 'n': 'is_parallel' must be true or false",
                "node 'n': 'parallel_nums' must be at least 1",
                "node 'n': 'error_handle_mode' must be one of [continue-on-error, remove-abnormal-output, terminated]",
                "node 'n': 'flatten_output' must be true or false",
                "node 'n': 'start_node_id' must be the id of the child node to start from"),
                problems(new IterationNodeType(), node("iteration", "iterator_selector", List.of("x"),
                        "is_parallel", "yes", "parallel_nums", 0, "error_handle_mode", "ignore",
                        "flatten_output", 1, "start_node_id", "")));
        new IterationNodeType().validate(node("iteration", "iterator_selector", List.of("s", "items"),
                "output_selector", List.of("t", "output")));
    }

    @Test
    void loopDataIsCheckedFieldByField() throws Exception {
        assertEquals(List.of(
                "node 'n': 'loop_count' must be at least 1",
                "node 'n': break_conditions[0].comparison_operator 'like' is not one of " + new java.util.TreeSet<>(Operators.ALL),
                "node 'n': logical_operator must be 'and' or 'or'",
                "node 'n': loop_variables[0].label must be a variable name (letters, digits, _; at most 30)",
                "node 'n': loop_variables[1].var_type must be one of [array[boolean], array[number], array[object],"
                        + " array[string], boolean, number, object, string]",
                "node 'n': loop_variables[2].value is not a number (string)",
                "node 'n': loop_variables[3].value must be a variable selector (a list of at least two strings)",
                "node 'n': loop_variables[4].value_type must be 'constant' or 'variable'",
                "node 'n': loop_variables[5].label 'loop_round' is reserved",
                "node 'n': loop_variables[6].label 'ok' is used twice"),
                problems(new LoopNodeType(), node("loop", "loop_count", 0, "logical_operator", "xor",
                        "break_conditions", List.of(Map.of("variable_selector", List.of("n", "a"),
                                "comparison_operator", "like", "value", "1")),
                        "loop_variables", List.of(
                                Map.of("label", "1bad", "var_type", "string", "value_type", "constant", "value", "x"),
                                Map.of("label", "t", "var_type", "text", "value_type", "constant", "value", "x"),
                                Map.of("label", "num", "var_type", "number", "value_type", "constant", "value", "many"),
                                Map.of("label", "sel", "var_type", "number", "value_type", "variable", "value", "a.b"),
                                Map.of("label", "ok", "var_type", "number", "value_type", "formula", "value", 1),
                                Map.of("label", "loop_round", "var_type", "number", "value_type", "constant", "value", 1),
                                Map.of("label", "ok", "var_type", "number", "value_type", "constant", "value", 2)))));
        assertEquals(List.of("node 'n': 'loop_count' is required"), problems(new LoopNodeType(), node("loop")));
    }

    @Test
    void loopConstantsAreReadAsDifyDoes() throws Exception {
        LoopNodeType.Spec spec = LoopNodeType.spec(node("loop", "loop_count", "3", "loop_variables", List.of(
                Map.of("label", "n", "var_type", "number", "value_type", "constant", "value", "2.5"),
                Map.of("label", "list", "var_type", "array[string]", "value_type", "constant", "value", "[\"a\"]"),
                Map.of("label", "none", "var_type", "array[number]", "value_type", "constant", "value", ""),
                Map.of("label", "obj", "var_type", "object", "value_type", "constant", "value", "{\"k\": true}"),
                Map.of("label", "flag", "var_type", "boolean", "value_type", "constant", "value", false))));
        assertEquals(3, spec.count());
        assertEquals(Arrays.asList(2.5, List.of("a"), List.of(), Map.of("k", true), false),
                spec.variables().stream().map(LoopVariable::constant).toList());
    }

    @Test
    void loopEndNeedsItsLoop() {
        assertEquals(List.of("node 'n': 'loop_id' is required: a loop-end node must be inside a loop"),
                problems(new LoopEndNodeType(), node("loop-end")));
    }

    @Test
    void flattenJoinsOnlyWhenEveryOutputIsAList() {
        assertEquals(List.of(1, 2, 3), IterationExecutor.flatten(Arrays.asList(List.of(1, 2), null, List.of(3))));
        assertEquals(List.of(List.of(1), "x"), IterationExecutor.flatten(List.of(List.of(1), "x")));
        assertEquals(Arrays.asList(null, null), IterationExecutor.flatten(Arrays.asList(null, null)));
    }

    @Test
    void scopedVariablesLayLocalsOverTheContainersVariables() {
        TestContext base = new TestContext(node("loop"), Map.of()).put("s", "x", "outer");
        ScopedVariables v = new ScopedVariables(base, "lp", Map.of("n", 3, "obj", Map.of("k", List.of(1, "a"))));
        assertEquals(3, v.get(List.of("lp", "n")));
        assertTrue(v.contains(List.of("lp", "obj", "k")));
        assertEquals("outer 3 {\"k\":[1,\"a\"]} []", v.render("{{#s.x#}} {{#lp.n#}} {{#lp.obj#}} [{{#lp.nope#}}]"));
    }

    /** A context whose child graph is given by the test. */
    private static NodeContext withSubgraph(TestContext ctx, SubgraphRunner runner) {
        return withSubgraph(ctx, runner, () -> false);
    }

    private static NodeContext withSubgraph(TestContext ctx, SubgraphRunner runner, BooleanSupplier cancelled) {
        return new NodeContext() {
            @Override public String runId() { return ctx.runId(); }
            @Override public String nodeExecutionId() { return ctx.nodeExecutionId(); }
            @Override public GraphNode node() { return ctx.node(); }
            @Override public Map<String, Object> runInputs() { return ctx.runInputs(); }
            @Override public Variables variables() { return ctx; }
            @Override public void streamChunk(List<String> s, String c, boolean l) { }
            @Override public boolean isCancelled() { return cancelled.getAsBoolean(); }
            @Override public Instant deadline() { return Instant.MAX; }
            @Override public NodeLog log() { return ctx; }
            @Override public SubgraphRunner subgraph() { return runner; }
        };
    }

    @Test
    void aFailedParallelPassInterruptsTheOthersWhenTerminated() throws Exception {
        GraphNode it = node("iteration", "iterator_selector", List.of("s", "items"), "output_selector",
                List.of("t", "out"), "is_parallel", true, "parallel_nums", 3);
        TestContext ctx = new TestContext(it, Map.of()).put("s", "items", List.of(0, 1, 2, 3, 4));
        CountDownLatch blocked = new CountDownLatch(2);
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        SubgraphRunner runner = (index, locals) -> {
            started.incrementAndGet();
            if (index == 0) {
                assertTrue(blocked.await(5, TimeUnit.SECONDS));
                return new SubgraphResult(RunStatus.FAILED, "pass 0 broke", "X", null);
            }
            blocked.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            throw new AssertionError("not interrupted");
        };
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> new IterationNodeType().create(it).execute(withSubgraph(ctx, runner)));
        assertEquals("pass 0 broke", e.getMessage());
        assertEquals("IterationNodeError", e.errorType());
        assertEquals(2, interrupted.get());
        assertEquals(3, started.get(), "no pass starts after the failure");
    }

    @Test
    void aStoppedRunEndsALoopOfQuickPassesAtTheNextPass() throws Exception {
        GraphNode loop = node("loop", "loop_count", 2_000_000_000, "break_conditions", List.of(),
                "logical_operator", "and");
        TestContext ctx = new TestContext(loop, Map.of());
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicInteger passes = new AtomicInteger();
        SubgraphRunner runner = (index, locals) -> {
            if (passes.incrementAndGet() == 1_000) {
                stopped.set(true);
            }
            return new SubgraphResult(RunStatus.SUCCEEDED, null, null, ctx);
        };
        assertThrows(InterruptedException.class,
                () -> new LoopNodeType().create(loop).execute(withSubgraph(ctx, runner, stopped::get)));
        assertEquals(1_000, passes.get(), "no pass starts after the stop");
    }

    @Test
    void aStoppedRunEndsAnIterationAtTheNextPass() throws Exception {
        GraphNode it = node("iteration", "iterator_selector", List.of("s", "items"), "output_selector",
                List.of("t", "out"));
        TestContext ctx = new TestContext(it, Map.of()).put("s", "items", java.util.Collections.nCopies(100_000, 1));
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicInteger passes = new AtomicInteger();
        SubgraphRunner runner = (index, locals) -> {
            if (passes.incrementAndGet() == 10) {
                stopped.set(true);
            }
            return new SubgraphResult(RunStatus.SUCCEEDED, null, null, ctx);
        };
        assertThrows(InterruptedException.class,
                () -> new IterationNodeType().create(it).execute(withSubgraph(ctx, runner, stopped::get)));
        assertEquals(10, passes.get(), "no pass starts after the stop");
    }
}
