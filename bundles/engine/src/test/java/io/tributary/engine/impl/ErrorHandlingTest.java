package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.engine.RunLimits;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeRetry;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;

class ErrorHandlingTest extends EngineFixture {

    @Test
    void failBranchRoutesTheErrorAndSkipsTheSuccessPath() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("f", "fail", "message", "remote said no", "error_strategy", "fail-branch")
                .node("ok", "echo", "outputs", map("v", "ok"))
                .node("handler", "echo", "outputs", map("v", "handled: {{#f.error_message#}} ({{#f.error_type#}})"))
                .edge("start", "f").edge("f", "ok").edge("f", "fail-branch", "handler").build();
        Recorder rec = run(g);
        assertEquals(List.of("start", "f", "handler"), rec.started());
        NodeFinished f = rec.finished("f");
        assertEquals(NodeStatus.EXCEPTION, f.status());
        assertEquals("remote said no", f.error());
        assertEquals(Map.of("error_message", "remote said no", "error_type", "TestFailure"), f.outputs());
        assertEquals("fail-branch", f.metadata().get("error_strategy"));
        assertEquals("handled: remote said no (TestFailure)", rec.finished("handler").outputs().get("v"));
        assertEquals(RunStatus.PARTIAL_SUCCEEDED, last(rec).status());
        assertEquals(1, last(rec).exceptionsCount());
    }

    @Test
    void failBranchNodeThatSucceedsTakesOnlyTheSuccessPath() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("e", "echo", "outputs", map("v", "fine"), "error_strategy", "fail-branch")
                .node("ok", "echo").node("handler", "echo")
                .edge("start", "e").edge("e", "ok").edge("e", "fail-branch", "handler").build();
        Recorder rec = run(g);
        assertEquals(List.of("start", "e", "ok"), rec.started());
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
    }

    @Test
    void defaultValueContinuesWithTypedDefaults() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("f", "fail", "message", "boom", "error_strategy", "default-value", "default_value", List.of(
                        map("key", "text", "type", "string", "value", "fallback"),
                        map("key", "n", "type", "number", "value", "42"),
                        map("key", "obj", "type", "object", "value", "{\"a\": [1, 2]}")))
                .node("next", "echo", "outputs", map("v", "{{#f.text#}}/{{#f.n#}}/{{#f.obj#}}"))
                .edge("start", "f").edge("f", "next").build();
        Recorder rec = run(g);
        NodeFinished f = rec.finished("f");
        assertEquals(NodeStatus.EXCEPTION, f.status());
        assertEquals("fallback", f.outputs().get("text"));
        assertEquals(42L, f.outputs().get("n"));
        assertEquals("boom", f.outputs().get("error_message"));
        assertEquals("fallback/42/{\"a\": [1, 2]}", rec.finished("next").outputs().get("v"));
        assertEquals(RunStatus.PARTIAL_SUCCEEDED, last(rec).status());
    }

    @Test
    void retrySucceedsAfterFailuresWithOneStartedAndOneFinished() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("r", "flaky", "failures", 2, "retry_config",
                        map("retry_enabled", true, "max_retries", 3, "retry_interval", 10))
                .edge("start", "r").build();
        Recorder rec = run(g);
        List<NodeRetry> retries = rec.of(NodeRetry.class);
        assertEquals(List.of(1, 2), retries.stream().map(NodeRetry::retryIndex).toList());
        assertEquals("attempt 1 failed", retries.get(0).error());
        assertEquals(1, rec.started().stream().filter("r"::equals).count());
        NodeFinished r = rec.finished("r");
        assertEquals(NodeStatus.SUCCEEDED, r.status());
        assertEquals(3, r.outputs().get("attempts"));
        assertEquals(2, r.metadata().get("retry_count"));
        assertEquals(retries.get(0).executionId(), r.executionId());
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
    }

    @Test
    void retriesExhaustedFailTheRun() throws Exception {
        Graph g = new Graphs()
                .node("start", "start")
                .node("r", "flaky", "failures", 5, "retry_config",
                        map("retry_enabled", true, "max_retries", 2, "retry_interval", 0))
                .edge("start", "r").build();
        Recorder rec = run(g);
        assertEquals(2, rec.of(NodeRetry.class).size());
        assertEquals(NodeStatus.FAILED, rec.finished("r").status());
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertEquals("attempt 3 failed", last(rec).error());
    }

    @Test
    void retryWaitDoesNotBlockAParallelBranch() throws Exception {
        // r waits 3 s before its retry; the other branch runs a 20-node chain meanwhile
        Graphs gb = new Graphs().node("start", "start")
                .node("r", "flaky", "failures", 1, "retry_config",
                        map("retry_enabled", true, "max_retries", 1, "retry_interval", 3000))
                .edge("start", "r");
        String prev = "start";
        for (int i = 0; i < 20; i++) {
            gb.node("c" + i, "echo");
            gb.edge(prev, "c" + i);
            prev = "c" + i;
        }
        Recorder rec = new Recorder();
        var h = engine.start(gb.build(), io.tributary.api.engine.RunRequest.builder().listener(rec).build());
        java.util.concurrent.CountDownLatch chainDone = new java.util.concurrent.CountDownLatch(1);
        h.subscribe(e -> {
            if (e instanceof NodeFinished f && f.nodeId().equals("c19")) {
                chainDone.countDown();
            }
        });
        long t0 = System.nanoTime();
        // the chain finishes long before the retry is due (unless it already finished before subscribing)
        if (rec.started().contains("c19") && rec.of(NodeFinished.class).stream().anyMatch(f -> f.nodeId().equals("c19"))) {
            chainDone.countDown();
        }
        assertTrue(chainDone.await(2, java.util.concurrent.TimeUnit.SECONDS), "chain blocked by the retry wait");
        assertTrue(System.nanoTime() - t0 < 2_500_000_000L);
        assertEquals(RunStatus.SUCCEEDED, h.await(WAIT).status());
        assertEquals(1, rec.of(NodeRetry.class).size());
    }

    @Test
    void unhandledFailureFailsTheRunWithTheNodesError() throws Exception {
        Graph g = new Graphs().node("start", "start").node("f", "fail", "message", "no such file: {{#start.f#}}")
                .node("after", "echo").edge("start", "f").edge("f", "after").build();
        Recorder rec = run(g, r -> r.input("f", "a.txt"));
        assertEquals(List.of("start", "f"), rec.started());
        NodeFinished f = rec.finished("f");
        assertEquals(NodeStatus.FAILED, f.status());
        assertEquals("no such file: a.txt", f.error());
        assertEquals("TestFailure", f.errorType());
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertEquals("no such file: a.txt", last(rec).error());
    }

    @Test
    void pluginRuntimeExceptionFailsOnlyItsNode() throws Exception {
        Graph g = new Graphs().node("start", "start").node("b", "boom", "kind", "runtime",
                "error_strategy", "fail-branch").node("h", "echo", "outputs", map("v", "{{#b.error_type#}}"))
                .edge("start", "b").edge("b", "fail-branch", "h").build();
        Recorder rec = run(g);
        assertEquals("plugin state is bad", rec.finished("b").error());
        assertEquals("IllegalStateException", rec.finished("h").outputs().get("v"));
        assertEquals(RunStatus.PARTIAL_SUCCEEDED, last(rec).status());
    }

    @Test
    void pluginErrorAndNullMessageFailTheNodeNotTheEngine() throws Exception {
        Graph g = new Graphs().node("start", "start").node("b", "boom", "kind", "error").edge("start", "b").build();
        Recorder rec = run(g);
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertEquals("plugin assertion broke", last(rec).error());
        assertEquals("AssertionError", rec.finished("b").errorType());

        Graph g2 = new Graphs().node("start", "start").node("b", "boom", "kind", "npe").edge("start", "b").build();
        Recorder rec2 = run(g2);
        assertEquals("java.lang.NullPointerException", last(rec2).error());
        // and the engine still runs graphs afterwards
        assertEquals(RunStatus.SUCCEEDED, last(run(new Graphs().node("s", "start").build())).status());
    }

    @Test
    void perNodeTimeoutInterruptsAndFailsTheNode() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("start", "start").node("b", "block", "error_strategy", "fail-branch")
                .node("h", "echo", "outputs", map("v", "{{#b.error_message#}}"))
                .edge("start", "b").edge("b", "fail-branch", "h").build();
        Recorder rec = run(g, r -> r.limits(new RunLimits(null, null, Duration.ofMillis(200), null, null)));
        assertEquals(1, blocking.interrupted.get());
        assertEquals("Node 'b' timed out after 0.200s (per-node timeout)", rec.finished("h").outputs().get("v"));
        assertEquals("NodeTimeout", rec.finished("b").errorType());
    }

    @Test
    void nodeIgnoringInterruptsIsAbandonedAfterTheGrace() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("start", "start").node("b", "block", "ignore_interrupts", true)
                .edge("start", "b").build();
        long t0 = System.nanoTime();
        Recorder rec = run(g, r -> r.limits(new RunLimits(null, null, Duration.ofMillis(100), null, null)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(RunStatus.FAILED, last(rec).status());
        assertTrue(last(rec).error().contains("timed out"));
        assertTrue(ms < 2500, "took " + ms + " ms");
        assertEquals(0, registry.open.get());
    }

    @Test
    void invalidErrorFieldsAreReportedByValidation() {
        Graph g = new Graphs().node("start", "start")
                .node("x", "echo", "error_strategy", "explode", "retry_config",
                        map("retry_enabled", true, "max_retries", "many"))
                .node("y", "echo", "error_strategy", "default-value", "default_value",
                        List.of(map("key", "n", "type", "number", "value", "abc")))
                .edge("start", "x").edge("x", "y").build();
        var problems = engine.validate(g);
        assertEquals(3, problems.size(), problems::toString);
        assertEquals("x", problems.get(0).nodeId());
        assertTrue(problems.get(0).message().contains("error_strategy 'explode'"));
        assertTrue(problems.get(1).message().contains("retry_config.max_retries"));
        assertEquals("y", problems.get(2).nodeId());
        assertNull(null);
    }
}
