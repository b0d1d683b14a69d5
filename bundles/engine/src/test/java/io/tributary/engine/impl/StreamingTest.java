package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;

class StreamingTest extends EngineFixture {

    private static Map<String, Object> out(String name, String node, String var) {
        return map("variable", name, "value_selector", List.of(node, var));
    }

    @Test
    void chunksFollowTheEndTemplateEvenWhenTheLaterProducerFinishesFirst() throws Exception {
        // a waits until b has streamed everything; the end node lists a first, so b's chunks are held back
        Graph g = new Graphs().node("s", "start")
                .node("a", "streamer", "chunks", List.of("a1", "a2"), "wait_for", "b")
                .node("b", "streamer", "chunks", List.of("b1", "b2", "b3"))
                .node("end", "end", "outputs", List.of(out("first", "a", "text"), out("second", "b", "text")))
                .edge("s", "a").edge("s", "b").edge("a", "end").edge("b", "end").build();
        Recorder rec = run(g);
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
        List<NodeStreamChunk> chunks = rec.of(NodeStreamChunk.class);
        assertEquals(List.of("a1", "a2", "b1", "b2", "b3"), chunks.stream().map(NodeStreamChunk::chunk).toList());
        assertEquals(List.of("a", "text"), chunks.get(0).selector());
        assertEquals(List.of("b", "text"), chunks.get(4).selector());
        // b finished before a streamed anything, and its outputs are intact
        int bFinished = rec.indexOf(e -> e instanceof NodeFinished f && f.nodeId().equals("b"));
        int firstChunk = rec.indexOf(e -> e instanceof NodeStreamChunk);
        assertTrue(bFinished < firstChunk);
        assertEquals("b1b2b3", rec.finished("b").outputs().get("text"));
        assertEquals(Map.of("first", "a1a2", "second", "b1b2b3"), last(rec).outputs());
        assertEquals(rec.finished("a").executionId(), chunks.get(0).executionId());
    }

    @Test
    void answerTemplateInterleavesTextAndValues() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("llm", "streamer", "chunks", List.of("Hel", "lo"))
                .node("calc", "echo", "outputs", map("n", 42))
                .node("ans", "answer", "answer", "Q: {{#s.q#}} A: {{#llm.text#}} n={{#calc.n#}}.")
                .edge("s", "llm").edge("s", "calc").edge("llm", "ans").edge("calc", "ans").build();
        Recorder rec = run(g, r -> r.input("q", "hi"));
        assertEquals("Q: hi A: Hello n=42.", rec.streamed());
        assertEquals("Q: hi A: Hello n=42.", last(rec).outputs().get("answer"));
    }

    @Test
    void responseBehindABranchStreamsOnlyWhenReached() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("if", "branch", "handle", "{{#s.pick#}}")
                .node("x", "streamer", "chunks", List.of("x!"))
                .node("y", "streamer", "chunks", List.of("y!"))
                .node("ax", "answer", "answer", "X says {{#x.text#}}")
                .node("ay", "answer", "answer", "Y says {{#y.text#}}")
                .edge("s", "if").edge("if", "x", "x").edge("if", "y", "y").edge("x", "ax").edge("y", "ay").build();
        Recorder rec = run(g, r -> r.input("pick", "y"));
        assertEquals("Y says y!", rec.streamed());
        assertEquals(Map.of("answer", "Y says y!"), last(rec).outputs());
    }

    @Test
    void chunksOfUnreferencedSelectorsAreDropped() throws Exception {
        Graph g = new Graphs().node("s", "start").node("llm", "streamer", "chunks", List.of("zzz"))
                .node("end", "end", "outputs", List.of(out("q", "s", "q"))).edge("s", "llm").edge("llm", "end")
                .build();
        Recorder rec = run(g, r -> r.input("q", "question"));
        assertEquals("question", rec.streamed());
    }
}
