package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeResult;

/** Write-back of {@code process_data.updated_variables} (the assigner convention). */
class VariableUpdatesTest extends EngineFixture {

    /** {@code set}: reports {@code data.selector} := number at {@code data.from} + {@code data.add}. */
    @BeforeEach
    void register() {
        registry.add("set", "1.0.0", TestNodes.type(ExecutionType.EXECUTABLE, ctx -> {
            List<String> target = ((List<?>) ctx.node().data().get("selector")).stream().map(String::valueOf).toList();
            List<String> from = ((List<?>) ctx.node().data().get("from")).stream().map(String::valueOf).toList();
            long v = ((Number) ctx.variables().get(from)).longValue() + ((Number) ctx.node().data().get("add")).longValue();
            return new NodeResult(Map.of(), Map.of("updated_variables", List.of(map("selector", target, "new_value", v))),
                    Map.of(String.join(".", target), v), null, null);
        }));
        registry.add("loop", "1.0.0", new TestNodes.Loop());
        registry.add("assign", "1.0.0", TestNodes.type(ExecutionType.EXECUTABLE, ctx -> {
            List<String> target = ((List<?>) ctx.node().data().get("selector")).stream().map(String::valueOf).toList();
            List<String> from = ((List<?>) ctx.node().data().get("from")).stream().map(String::valueOf).toList();
            return new NodeResult(Map.of(), Map.of("updated_variables",
                    List.of(map("selector", target, "new_value", ctx.variables().get(from)))), Map.of(), null, null);
        }));
        registry.add("chunks", "1.0.0", TestNodes.type(ExecutionType.EXECUTABLE, ctx -> {
            List<Object> chunks = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                chunks.add(map("content", "chunk " + i, "index", i));
            }
            return NodeResult.of(Map.of("chunks", chunks));
        }));
    }

    @Test
    void anAssignerWriteOverTheVariableSizeLimitFailsWithDifysMessage() throws Exception {
        Graph g = new Graphs().node("s", "start").node("big", "big", "size", 300_000)
                .node("a", "assign", "selector", List.of("conversation", "c"), "from", List.of("big", "text"))
                .edge("s", "big").edge("big", "a").build();
        Recorder rec = run(g, r -> r.conversation("c", ""));
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertEquals(NodeStatus.SUCCEEDED, rec.finished("big").status());
        assertEquals("node 'a' cannot write variable conversation.c: variable size 300002 exceeds limit 204800",
                rec.finished("a").error());
        assertEquals("VariableUpdateError", rec.finished("a").errorType());
        Graph small = new Graphs().node("s", "start").node("big", "big", "size", 200_000)
                .node("a", "assign", "selector", List.of("conversation", "c"), "from", List.of("big", "text"))
                .edge("s", "big").edge("big", "a").build();
        Recorder ok = run(small, r -> r.conversation("c", ""));
        assertEquals(RunStatus.SUCCEEDED, last(ok).status(), () -> String.valueOf(last(ok).error()));
    }

    @Test
    void aLargeListPassesFromNodeToNodeWithoutACopy() throws Exception {
        Graph g = new Graphs().node("s", "start").node("c", "chunks")
                .node("e", "echo", "select", List.of("c", "chunks")).edge("s", "c").edge("c", "e").build();
        Recorder rec = run(g);
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        org.junit.jupiter.api.Assertions.assertSame(rec.finished("c").outputs().get("chunks"),
                rec.finished("e").outputs().get("selected"));
    }

    @Test
    void conversationVariablesAreWrittenBackBeforeDownstreamNodesRun() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("a", "set", "selector", List.of("conversation", "n"), "from", List.of("conversation", "n"), "add", 5)
                .node("b", "echo", "outputs", map("v", "n={{#conversation.n#}}"))
                .edge("s", "a").edge("a", "b").build();
        Recorder rec = run(g, r -> r.conversation("n", 1).conversation("other", "x"));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals("n=6", rec.finished("b").outputs().get("v"));
        assertEquals(6L, rec.finished("a").outputs().get("conversation.n"));
    }

    @Test
    void loopVariablesAreWrittenInThePassAndCarriedByTheLoop() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("lp", "loop", "variable", "n", "initial", 0, "next_selector", List.of("lp", "n"),
                        "break_at", 9, "loop_count", 10)
                .node("inc", "set", "loop_id", "lp", "selector", List.of("lp", "n"), "from", List.of("lp", "n"), "add", 4)
                .node("seen", "echo", "loop_id", "lp", "outputs", map("v", "{{#lp.n#}}"))
                .node("conv", "set", "loop_id", "lp", "selector", List.of("conversation", "c"),
                        "from", List.of("conversation", "c"), "add", 1)
                .edge("inc", "seen").edge("seen", "conv").edge("s", "lp").build();
        Recorder rec = run(g, r -> r.conversation("c", 0));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals(12L, rec.finished("lp").outputs().get("n"));
        assertEquals(List.of("4", "8", "12"), rec.of(io.tributary.api.event.NodeFinished.class).stream()
                .filter(f -> f.nodeId().equals("seen")).map(f -> f.outputs().get("v")).toList());
        assertEquals(3L, rec.of(io.tributary.api.event.NodeFinished.class).stream()
                .filter(f -> f.nodeId().equals("conv")).reduce((x, y) -> y).orElseThrow().outputs().get("conversation.c"));
    }

    @Test
    void writingAnotherNodesVariableFailsTheNode() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("a", "set", "selector", List.of("s", "x"), "from", List.of("s", "x"), "add", 1)
                .edge("s", "a").build();
        Recorder rec = run(g, r -> r.input("x", 1));
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertEquals(NodeStatus.FAILED, rec.finished("a").status());
        assertEquals("node 'a' cannot write variable s.x: only conversation variables and the variables of an"
                + " enclosing loop or iteration can be assigned", rec.finished("a").error());
        assertEquals("VariableUpdateError", rec.finished("a").errorType());
    }
}
