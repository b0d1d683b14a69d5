package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;

class TraversalTest extends EngineFixture {

    @Test
    void linearChainPassesValuesAlong() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("a", "echo", "outputs", map("v", "{{#start.name#}}!"))
                .node("b", "echo", "outputs", map("v", "<{{#a.v#}}>"))
                .node("end", "end", "outputs", List.of(map("variable", "result", "value_selector", List.of("b", "v"))))
                .edge("start", "a").edge("a", "b").edge("b", "end").build();
        Recorder rec = run(g, r -> r.input("name", "ada"));
        assertEquals(List.of("start", "a", "b", "end"), rec.started());
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
        assertEquals(Map.of("result", "<ada!>"), last(rec).outputs());
        assertEquals(4, last(rec).totalSteps());
        assertFalse(rec.concurrent);
    }

    @Test
    void branchTakesOnlyItsHandleAndSkipsTheRest() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("if", "branch", "handle", "{{#start.pick#}}")
                .node("yes", "echo", "outputs", map("v", "Y"))
                .node("yes2", "echo", "outputs", map("v", "Y2"))
                .node("no", "echo", "outputs", map("v", "N"))
                .node("no2", "echo", "outputs", map("v", "N2"))
                .node("join", "echo", "outputs", map("v", "{{#yes2.v#}}{{#no2.v#}}"))
                .edge("start", "if")
                .edge("if", "true", "yes").edge("yes", "yes2").edge("yes2", "join")
                .edge("if", "false", "no").edge("no", "no2").edge("no2", "join")
                .build();
        Recorder rec = run(g, r -> r.input("pick", "false"));
        assertEquals(List.of("start", "if", "no", "no2", "join"), rec.started());
        assertEquals("N2", rec.finished("join").outputs().get("v"));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
    }

    @Test
    void joinWaitsForEveryBranchThenRunsOnce() throws Exception {
        TestNodes.Barrier barrier = new TestNodes.Barrier(3);
        registry.add("meet", "1.0.0", barrier);
        Graph g = new Graphs()
                .node("start", "start")
                .node("p1", "meet").node("p2", "meet").node("p3", "meet")
                .node("join", "echo", "outputs", map("v", "{{#p1.met#}}{{#p2.met#}}{{#p3.met#}}"))
                .edge("start", "p1").edge("start", "p2").edge("start", "p3")
                .edge("p1", "join").edge("p2", "join").edge("p3", "join").build();
        Recorder rec = run(g);
        // the three parallel nodes met at a barrier of 3: they ran at the same time
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals("truetruetrue", rec.finished("join").outputs().get("v"));
        assertEquals(1, rec.started().stream().filter("join"::equals).count());
        assertEquals("join", rec.started().get(4));
    }

    @Test
    void parallelismIsBoundedPerRun() throws Exception {
        engine.deactivate();
        engine = engine(limits().with(new io.tributary.api.engine.RunLimits(null, null, null, 1, null)));
        TestNodes.Barrier barrier = new TestNodes.Barrier(2);
        registry.add("meet", "1.0.0", barrier);
        Graph g = new Graphs().node("start", "start").node("p1", "meet").node("p2", "meet")
                .edge("start", "p1").edge("start", "p2").build();
        long t0 = System.nanoTime();
        Recorder rec = run(g, r -> r.limits(new io.tributary.api.engine.RunLimits(null, null,
                java.time.Duration.ofMillis(300), null, null)));
        // with one node at a time the barrier of two can never be met: the first node times out
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertTrue(last(rec).error().contains("timed out"), last(rec).error());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void startNodeIdRunsOneRootAndSkipsTheOthersExclusiveDescendants() throws Exception {
        Graph g = new Graphs()
                .node("ds1", "start").node("ds2", "start").node("ds3", "start")
                .node("only2", "echo", "outputs", map("v", "2"))
                .node("only3", "echo", "outputs", map("v", "3"))
                .node("shared", "echo", "outputs", map("v", "shared:{{#only2.v#}}{{#ds1.x#}}"))
                .edge("ds1", "shared").edge("ds2", "only2").edge("only2", "shared").edge("ds3", "only3")
                .build();
        Recorder rec = run(g, r -> r.startNodeId("ds2").input("x", "X"));
        assertEquals(Set.of("ds2", "only2", "shared"), Set.copyOf(rec.started()));
        assertEquals("shared:2", rec.finished("shared").outputs().get("v"));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
    }

    @Test
    void withoutStartNodeIdEveryRootRuns() throws Exception {
        Graph g = new Graphs().node("a", "start").node("b", "start").node("c", "echo")
                .edge("a", "c").edge("b", "c").build();
        Recorder rec = run(g);
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(rec.started()));
        NodeStarted c = rec.of(NodeStarted.class).stream().filter(s -> s.nodeId().equals("c")).findFirst().get();
        assertTrue(Set.of("a", "b").contains(c.predecessorNodeId()));
    }

    @Test
    void unknownStartNodeIsRejected() {
        Graph g = new Graphs().node("a", "start").node("b", "echo").edge("a", "b").build();
        var e = rejected(g, io.tributary.api.engine.RunRequest.builder().startNodeId("b").build());
        assertTrue(e.getMessage().contains("start node 'b' is not a root"), e.getMessage());
        assertEquals(0, registry.open.get());
    }

    @Test
    void indexesAndPredecessorsFollowTheExecutionOrder() throws Exception {
        Graph g = new Graphs().node("s", "start").node("a", "echo").node("b", "echo").edge("s", "a").edge("a", "b")
                .build();
        Recorder rec = run(g);
        List<NodeStarted> st = rec.of(NodeStarted.class);
        assertEquals(List.of(1, 2, 3), st.stream().map(NodeStarted::index).collect(Collectors.toList()));
        assertEquals(java.util.Arrays.asList(null, "s", "a"), st.stream().map(NodeStarted::predecessorNodeId).toList());
    }
}
