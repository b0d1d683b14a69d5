package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunStatus;

/** Traversal, parallelism, roots, templates and ordered streaming on real fixtures. */
class BasicGraphsTest extends GraphTest {

    @Test
    void linearChain() throws Exception {
        Events ev = run("linear-chain", b -> b.input("name", "Ada"));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(Map.of("greeting", "Hello Ada", "shouted", "HELLO ADA!"), ev.end().outputs());
        assertEquals(List.of("start", "greet", "shout", "end"), ev.started());
        assertEquals(4, ev.end().totalSteps());
    }

    @Test
    void ifElseTakesOneBranchAndSkipsTheOtherChain() throws Exception {
        Events big = run("if-else-skip", b -> b.input("n", 42));
        assertEquals(Map.of("result", "big 42"), big.end().outputs());
        assertEquals(List.of("start", "check", "big1", "join", "end"), big.started());
        assertEquals("big", big.finished("check").outputs().get("selected_case_id"));

        Events small = run("if-else-skip", b -> b.input("n", 3));
        assertEquals(Map.of("result", "small 3!"), small.end().outputs());
        assertEquals(List.of("start", "check", "small1", "small2", "join", "end"), small.started());
    }

    @Test
    void fanOutRunsBranchesTogetherAndTheJoinOnce() throws Exception {
        Events ev = run("fan-out-fan-in");
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        // the server releases each request only when all three are in: they ran at the same time
        assertEquals(Map.of("joined", "a+b+c"), ev.end().outputs());
        assertEquals(1, ev.finishes("join").size());
        int join = ev.indexOf(e -> e instanceof io.tributary.api.event.NodeStarted s && s.nodeId().equals("join"));
        for (String n : List.of("a", "b", "c")) {
            assertTrue(ev.indexOf(e -> e instanceof NodeFinished f && f.nodeId().equals(n)) < join, n);
        }
    }

    @Test
    void onlyTheChosenRootRuns() throws Exception {
        Events ev = run("multi-root", b -> b.startNodeId("root_b").input("x", "hi"));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(Map.of("result", "B got hi"), ev.end().outputs());
        assertEquals(List.of("root_b", "side_b", "join", "end"), ev.started());
    }

    @Test
    void templatesResolveVariablesAndSecretsStayMasked() throws Exception {
        Events ev = run("templates", b -> b.input("name", "Ada").input("age", 36)
                .input("profile", Map.of("city", "London", "tags", List.of("math", "engines"))));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals("Hello Ada (36, limit 5) from London; tags [\"math\", \"engines\"]; server said q=London 36;"
                + " token ******; missing []", ev.end().outputs().get("answer"));
        assertEquals("s3cr3t-value", server.lastHeaders.get("x-token"), "the node itself sees the secret");
        assertFalse(ev.all.toString().contains("s3cr3t-value"), "no event shows the secret");
    }

    @Test
    void streamsInTemplateOrderThoughTheSecondProducerFinishesFirst() throws Exception {
        Events ev = run("ordered-streaming");
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals("A: first\nB: second", ev.streamed());
        assertEquals("A: first\nB: second", ev.end().outputs().get("answer"));
        int p2Done = ev.indexOf(e -> e instanceof NodeFinished f && f.nodeId().equals("p2"));
        int p1Done = ev.indexOf(e -> e instanceof NodeFinished f && f.nodeId().equals("p1"));
        int firstChunk = ev.indexOf(e -> e instanceof NodeStreamChunk c && c.chunk().equals("first"));
        int secondChunk = ev.indexOf(e -> e instanceof NodeStreamChunk c && c.chunk().equals("second"));
        assertTrue(p2Done < p1Done, "the second producer finished first");
        // p2's value was ready first but is released after p1's, in template order
        assertTrue(p2Done < firstChunk && firstChunk < secondChunk, "chunks follow the template: " + ev.all);
    }
}
