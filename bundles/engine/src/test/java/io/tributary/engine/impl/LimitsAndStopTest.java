package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunLimits;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;

class LimitsAndStopTest extends EngineFixture {

    private static Graph chain(int n) {
        Graphs g = new Graphs().node("n0", "start");
        for (int i = 1; i < n; i++) {
            g.node("n" + i, "echo").edge("n" + (i - 1), "n" + i);
        }
        return g.build();
    }

    @Test
    void stepLimitEndsTheRunNamingTheLimit() throws Exception {
        Recorder rec = run(chain(12), r -> r.limits(new RunLimits(10, null, null, null, null)));
        RunFinished f = last(rec);
        assertEquals(RunStatus.FAILED, f.status());
        assertEquals("Maximum execution steps exceeded: 11 > 10", f.error());
        assertEquals(10, f.totalSteps());
        assertEquals(10, rec.started().size());
    }

    @Test
    void aLongChainWithinTheDefaultLimitSucceeds() throws Exception {
        Recorder rec = run(chain(500));
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
        assertEquals(500, last(rec).totalSteps());
    }

    @Test
    void runTimeLimitEndsARunningNode() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("s", "start").node("b", "block").edge("s", "b").build();
        long t0 = System.nanoTime();
        Recorder rec = run(g, r -> r.limits(new RunLimits(null, Duration.ofMillis(300), null, null, null)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        RunFinished f = last(rec);
        assertEquals(RunStatus.FAILED, f.status());
        assertTrue(f.error().startsWith("Maximum execution time exceeded: 0.3"), f.error());
        assertTrue(f.error().endsWith("s > 0.300s"), f.error());
        assertEquals(NodeStatus.STOPPED, rec.finished("b").status());
        assertEquals(1, blocking.interrupted.get());
        assertTrue(ms < 3000, "took " + ms);
    }

    @Test
    void nodeOutputsOfAnySizeFlowPastTheVariableSizeLimit() throws Exception {
        // Dify applies MAX_VARIABLE_SIZE to variable writes, not to node outputs: a document's 5 MB text flows
        Graph g = new Graphs().node("s", "start").node("big", "big", "size", 5_000_000)
                .node("e", "echo", "select", java.util.List.of("big", "text")).edge("s", "big").edge("big", "e")
                .build();
        Recorder rec = run(g);
        assertEquals(RunStatus.SUCCEEDED, last(rec).status(), () -> String.valueOf(last(rec).error()));
        assertEquals(5_000_000, ((String) rec.finished("e").outputs().get("selected")).length());
    }

    @Test
    void callDepthBeyondTheLimitIsRejected() {
        var e = rejected(chain(2), RunRequest.builder().callDepth(6).build());
        assertEquals("Maximum workflow call depth exceeded: 6 > 5", e.getMessage());
        assertEquals(0, registry.open.get());
    }

    @Test
    void stopInterruptsASleepingNodeWithinMilliseconds() throws Exception {
        assertStopsQuickly(false);
    }

    @Test
    void stopInterruptsAParkedNodeWithinMilliseconds() throws Exception {
        assertStopsQuickly(true);
    }

    private void assertStopsQuickly(boolean park) throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(2);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("s", "start").node("b1", "block", "park", park).node("b2", "block", "park", park)
                .node("after", "echo").edge("s", "b1").edge("s", "b2").edge("b1", "after").edge("b2", "after").build();
        Recorder rec = new Recorder();
        RunHandle h = engine.start(g, RunRequest.builder().listener(rec).build());
        assertTrue(blocking.entered.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        h.stop("user asked");
        RunFinished f = h.await(WAIT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("stop latency (" + (park ? "parked" : "sleeping") + " nodes): " + ms + " ms");
        // the target is 100 ms; the bound is generous because CI machines are shared
        assertTrue(ms < 500, "stop took " + ms + " ms");
        assertEquals(RunStatus.STOPPED, f.status());
        assertEquals("user asked", f.error());
        assertEquals(2, blocking.interrupted.get());
        assertEquals(NodeStatus.STOPPED, rec.finished("b1").status());
        assertEquals(NodeStatus.STOPPED, rec.finished("b2").status());
        assertFalse(rec.started().contains("after"));
        assertEquals(0, registry.open.get());
        assertTrue(engine.run(h.runId()).isEmpty());
        h.stop("again");
        assertEquals(f, h.await(WAIT));
    }

    @Test
    void stoppingDuringARetryWaitEndsAtOnce() throws Exception {
        Graph g = new Graphs().node("s", "start").node("r", "flaky", "failures", 1, "retry_config",
                map("retry_enabled", true, "max_retries", 1, "retry_interval", 60_000)).edge("s", "r").build();
        java.util.concurrent.CountDownLatch retrying = new java.util.concurrent.CountDownLatch(1);
        RunHandle h = engine.start(g, RunRequest.builder().listener(e -> {
            if (e instanceof io.tributary.api.event.NodeRetry) {
                retrying.countDown();
            }
        }).build());
        assertTrue(retrying.await(5, TimeUnit.SECONDS));
        h.stop(null);
        RunFinished f = h.await(WAIT);
        assertEquals(RunStatus.STOPPED, f.status());
        assertEquals("stopped", f.error());
    }

    @Test
    void stoppedRunReportsEveryNodeOnce() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("s", "start").node("b", "block").edge("s", "b").build();
        Recorder rec = new Recorder();
        RunHandle h = engine.start(g, RunRequest.builder().listener(rec).build());
        assertTrue(blocking.entered.await(5, TimeUnit.SECONDS));
        h.stop("bye");
        h.await(WAIT);
        assertEquals(2, rec.of(NodeFinished.class).size());
        assertEquals(1, rec.of(RunFinished.class).size());
    }
}
