package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.ContainerNext;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;

/** iteration (each error mode, parallel, flatten) and loop (break condition, loop-end, loop_count). */
class ContainerGraphsTest extends GraphTest {
    private static final List<String> ITEMS = List.of("a", "bad", "c", "d");

    /** Runs iteration.yml with another error_handle_mode. */
    private Events iteration(String mode) throws Exception {
        DslDocument doc = parse(yaml("iteration").replace("error_handle_mode: terminated", "error_handle_mode: " + mode));
        assertEquals(List.of(), engine.validate(doc.graph()));
        Events ev = new Events();
        RunFinished f = engine.start(doc.graph(), RunRequest.builder().listener(ev)
                .input("data", Map.of("items", ITEMS)).build()).await(WAIT);
        assertEquals(f, ev.end());
        return ev;
    }

    @Test
    void parallelIterationTerminatesOnAFailedPass() throws Exception {
        Events ev = iteration("terminated");
        assertEquals(RunStatus.FAILED, ev.end().status());
        NodeFinished it = ev.finished("it");
        assertEquals(NodeStatus.FAILED, it.status());
        assertEquals("IterationNodeError", it.errorType());
        assertTrue(it.error().contains("169.254.169.254"), it.error());
        assertEquals(it.error(), ev.end().error());
        NodeFinished fetch = ev.finished("fetch");
        assertEquals(NodeStatus.FAILED, fetch.status());
        assertEquals("SsrfBlockedError", fetch.errorType());
        assertEquals("it", fetch.iterationId());
        assertEquals(1, fetch.metadata().get("iteration_index"));
    }

    @Test
    void parallelIterationContinuesOnError() throws Exception {
        Events ev = iteration("continue-on-error");
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(Arrays.asList("<a:0>", null, "<c:2>", "<d:3>"), ev.end().outputs().get("all"));
        assertEquals(List.of(0, 1, 2, 3), ev.of(ContainerNext.class).stream().map(ContainerNext::index).sorted().toList());
        // the passes' events carry the iteration and their pass index; the container's events wrap them
        for (NodeFinished f : ev.finishes("fmt")) {
            assertEquals("it", f.iterationId());
            assertEquals(f.outputs().get("output"), "<" + ITEMS.get((Integer) f.metadata().get("iteration_index")) + ":"
                    + f.metadata().get("iteration_index") + ">");
        }
        int started = ev.indexOf(e -> e instanceof NodeStarted s && s.nodeId().equals("it"));
        int finished = ev.indexOf(e -> e instanceof NodeFinished f && f.nodeId().equals("it"));
        int lastNext = ev.all.indexOf(ev.of(ContainerNext.class).get(3));
        assertTrue(started < ev.indexOf(e -> e instanceof ContainerNext) && lastNext < finished);
        NodeFinished it = ev.finished("it");
        assertEquals(4, it.metadata().get("iteration_length"));
        assertEquals(ITEMS, it.inputs().get("iterator_selector"));
    }

    @Test
    void parallelIterationRemovesAbnormalOutput() throws Exception {
        Events ev = iteration("remove-abnormal-output");
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of("<a:0>", "<c:2>", "<d:3>"), ev.end().outputs().get("all"));
    }

    @Test
    void iterationOverNothingOutputsAnEmptyList() throws Exception {
        Events ev = run("iteration", b -> b.input("data", Map.of("items", List.of())));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of(), ev.end().outputs().get("all"));
        assertTrue(ev.of(ContainerNext.class).isEmpty());
    }

    @Test
    void iterationFlattensListOutputsUnlessToldNotTo() throws Exception {
        Events ev = run("iteration-flatten", b -> b.input("data",
                Map.of("groups", List.of(List.of(1, 2, 3), List.of(4), List.of()))));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of(1, 2, 4), ev.end().outputs().get("flat"));
        assertEquals(List.of(List.of(1, 2, 3), List.of(4), List.of()), ev.end().outputs().get("nested"));
    }

    @Test
    void loopsCarryVariablesAndStopOnConditionLoopEndOrCount() throws Exception {
        Events ev = run("loop", b -> b.input("seed", 5));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        Map<String, Object> out = ev.end().outputs();
        assertEquals(3, ((Number) out.get("count")).intValue());
        assertEquals("1,2,3,", out.get("text"));
        assertEquals(3, out.get("counter_rounds"));
        assertEquals(2, ((Number) out.get("round")).intValue());
        assertEquals(3, out.get("exit_rounds"));
        assertEquals(45, ((Number) out.get("n")).intValue());
        assertEquals(4, out.get("capped_rounds"));
        assertEquals(3, ((Number) out.get("visits")).intValue(), "conversation variable counted in every pass");

        NodeFinished counter = ev.finished("counter");
        assertEquals("loop_break", counter.metadata().get("completed_reason"));
        assertEquals(Map.of("loop_count", 10, "count", 0, "text", ""), counter.inputs());
        assertEquals("loop_completed", ev.finished("capped").metadata().get("completed_reason"));
        assertEquals(List.of(0, 1, 2), ev.of(ContainerNext.class).stream().filter(n -> n.nodeId().equals("counter"))
                .map(ContainerNext::index).toList());
        assertEquals(List.of(0, 1, 2), ev.finishes("fmt").stream().map(f -> f.metadata().get("loop_index")).toList());
        assertEquals("counter", ev.finished("fmt").loopId());
        assertEquals(1, ev.finishes("stop").size(), "loop-end ran in the last pass only");
    }

    @Test
    void loopThatBreaksBeforeTheFirstPassRunsNothing() throws Exception {
        Events ev = run("loop", b -> b.input("seed", 2000));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(0, ev.end().outputs().get("capped_rounds"));
        assertEquals(2000, ((Number) ev.end().outputs().get("n")).intValue());
        assertTrue(ev.finishes("add").isEmpty());
    }
}
