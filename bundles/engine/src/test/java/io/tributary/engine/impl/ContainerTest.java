package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.ContainerNext;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;

class ContainerTest extends EngineFixture {

    private Graph iteration(boolean parallel, String mode, boolean failOnB) {
        Graphs g = new Graphs().node("s", "start")
                .node("it", "iteration", "iterator_selector", List.of("s", "items"),
                        "output_selector", List.of("inner2", "v"), "parallel", parallel,
                        "start_node_id", "inner_start", "error_handle_mode", mode)
                .node("inner_start", "echo", "iteration_id", "it")
                .node("inner1", "branch", "iteration_id", "it", "handle", failOnB ? "{{#it.item#}}" : "ok")
                .node("bad", "fail", "iteration_id", "it", "message", "bad item {{#it.item#}}")
                .node("inner2", "echo", "iteration_id", "it", "outputs", map("v", "<{{#it.item#}}:{{#it.index#}}>"))
                .node("end", "end", "outputs", List.of(map("variable", "all", "value_selector", List.of("it", "output"))))
                .edge("s", "it").edge("it", "end")
                .edge("inner_start", "inner1")
                .edge("inner1", "ok", "inner2").edge("inner1", "a", "inner2").edge("inner1", "c", "inner2")
                .edge("inner1", "b", "bad").edge("bad", "inner2");
        return g.build();
    }

    @Test
    void sequentialIterationRunsTheChildGraphPerItem() throws Exception {
        Recorder rec = run(iteration(false, "terminated", false), r -> r.input("items", List.of("a", "b", "c")));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals(List.of("<a:0>", "<b:1>", "<c:2>"), rec.finished("it").outputs().get("output"));
        assertEquals(List.of(0, 1, 2), rec.of(ContainerNext.class).stream().map(ContainerNext::index).toList());
        List<NodeStarted> inner = rec.of(NodeStarted.class).stream().filter(s -> "it".equals(s.iterationId())).toList();
        assertEquals(9, inner.size());
        NodeFinished lastInner = rec.of(NodeFinished.class).stream().filter(f -> f.nodeId().equals("inner2"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(2, lastInner.metadata().get("iteration_index"));
        assertEquals("it", lastInner.metadata().get("iteration_id"));
        // the container's own events wrap its passes
        int itStarted = rec.indexOf(e -> e instanceof NodeStarted s && s.nodeId().equals("it"));
        int firstNext = rec.indexOf(e -> e instanceof ContainerNext);
        int itFinished = rec.indexOf(e -> e instanceof NodeFinished f && f.nodeId().equals("it"));
        assertTrue(itStarted < firstNext && firstNext < itFinished);
        assertEquals(2 + 1 + 9, last(rec).totalSteps());
        assertEquals(0, registry.open.get());
    }

    @Test
    void parallelIterationWithContinueOnError() throws Exception {
        Recorder rec = run(iteration(true, "continue-on-error", true), r -> r.input("items", List.of("a", "b", "c")));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals(Arrays.asList("<a:0>", null, "<c:2>"), rec.finished("it").outputs().get("output"));
        NodeFinished bad = rec.of(NodeFinished.class).stream().filter(f -> f.nodeId().equals("bad")).findFirst()
                .orElseThrow();
        assertEquals(NodeStatus.FAILED, bad.status());
        assertEquals("bad item b", bad.error());
        assertEquals(1, bad.metadata().get("iteration_index"));
    }

    @Test
    void failedPassFailsATerminatingIteration() throws Exception {
        Recorder rec = run(iteration(false, "terminated", true), r -> r.input("items", List.of("a", "b", "c")));
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertEquals("iteration 1 failed: bad item b", last(rec).error());
        assertEquals(2, rec.of(ContainerNext.class).size());
    }

    @Test
    void childNodesOutsideTheirContainerAreInvalid() {
        Graph g = new Graphs().node("s", "start").node("c", "echo", "iteration_id", "nowhere")
                .node("it", "echo").node("child", "echo", "iteration_id", "it").edge("s", "child").build();
        var texts = engine.validate(g).stream().map(Object::toString).toList();
        assertTrue(texts.contains("node 'c' data.iteration_id: container 'nowhere' is not a node"), texts::toString);
        assertTrue(texts.contains("node 'child' data.iteration_id: container 'it' is a 'echo' node, not an iteration "
                + "or loop"), texts::toString);
        assertTrue(texts.contains("node 's' workflow.graph.edges[s-source-child]: edge 's-source-child' joins 's' "
                + "(top level) and 'child' (in 'it'); an edge may not cross a container's boundary"), texts::toString);
        assertTrue(texts.contains("node 'it' data.type: node has child nodes but its type 'echo' is not a container"),
                texts::toString);
    }

    @Test
    void loopRunsPassesUntilItsBreakCondition() throws Exception {
        registry.add("loop", "1.0.0", new TestNodes.Loop()).add("inc", "1.0.0", TestNodes.inc());
        Graph g = new Graphs().node("s", "start")
                .node("lp", "loop", "variable", "n", "initial", 0, "next_selector", List.of("inc", "n"),
                        "break_at", 3, "loop_count", 10)
                .node("inc", "inc", "loop_id", "lp", "from", List.of("lp", "n"))
                .node("out", "echo", "outputs", map("v", "n={{#lp.n#}} after {{#lp.passes#}} passes"))
                .edge("s", "lp").edge("lp", "out").build();
        Recorder rec = run(g);
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals("n=3 after 3 passes", rec.finished("out").outputs().get("v"));
        List<NodeFinished> inner = rec.of(NodeFinished.class).stream().filter(f -> "lp".equals(f.loopId())).toList();
        assertEquals(List.of(0, 1, 2), inner.stream().map(f -> f.metadata().get("loop_index")).toList());
        assertEquals(null, inner.get(0).iterationId());
    }

    @Test
    void stoppingTheRunStopsARunningPass() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("s", "start")
                .node("it", "iteration", "iterator_selector", List.of("s", "items"), "output_selector", List.of("b", "x"))
                .node("b", "block", "iteration_id", "it").edge("s", "it").build();
        var h = engine.start(g, io.tributary.api.engine.RunRequest.builder().input("items", List.of(1, 2)).build());
        assertTrue(blocking.entered.await(5, java.util.concurrent.TimeUnit.SECONDS));
        h.stop("enough");
        var f = h.await(WAIT);
        assertEquals(RunStatus.STOPPED, f.status());
        assertEquals(1, blocking.interrupted.get());
        assertEquals(0, registry.open.get());
    }
}
