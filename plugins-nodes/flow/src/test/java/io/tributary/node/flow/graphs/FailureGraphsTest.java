package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunLimits;
import io.tributary.api.event.NodeRetry;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;

/** Error strategies, retries, limits and stop on real fixtures. */
class FailureGraphsTest extends GraphTest {

    @Test
    void failBranchAndDefaultValueHandleFailures() throws Exception {
        Events ev = run("error-strategies");
        assertEquals(RunStatus.PARTIAL_SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(2, ev.end().exceptionsCount());
        assertEquals(NodeStatus.EXCEPTION, ev.finished("branchy").status());
        assertEquals(NodeStatus.EXCEPTION, ev.finished("defaulted").status());
        assertTrue(ev.finishes("ok_path").isEmpty(), "the success branch is skipped");
        String handled = (String) ev.end().outputs().get("handled");
        assertTrue(handled.startsWith("HTTPResponseCodeError: ") && handled.contains("500"), handled);
        assertEquals("fallback body", ev.end().outputs().get("body"));
        assertEquals(0, ((Number) ev.end().outputs().get("code")).intValue());
    }

    @Test
    void retriesUntilTheServiceAnswers() throws Exception {
        Events ev = run("retry");
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals("ok after 3", ev.end().outputs().get("body"));
        List<NodeRetry> retries = ev.of(NodeRetry.class);
        assertEquals(List.of(1, 2), retries.stream().map(NodeRetry::retryIndex).toList());
        assertEquals(2, ev.finished("flaky").metadata().get("retry_count"));
        assertEquals(1, ev.finishes("flaky").size());
    }

    @Test
    void stepLimitEndsTheRun() throws Exception {
        Events ev = run("chain-of-five", b -> b.limits(new RunLimits(3, null, null, null, null)));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Maximum execution steps exceeded: 4 > 3", ev.end().error());
        assertEquals(List.of("start", "t1", "t2"), ev.started());
    }

    @Test
    void timeLimitInterruptsTheRunningNode() throws Exception {
        Events ev = run("hanging-node", b -> b.limits(new RunLimits(null, Duration.ofMillis(300), null, null, null)));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertTrue(ev.end().error().startsWith("Maximum execution time exceeded: "), ev.end().error());
        assertTrue(ev.end().error().contains(" > 0.3"), ev.end().error());
        assertEquals(NodeStatus.STOPPED, ev.finished("hang").status());
        assertTrue(ev.finishes("after").isEmpty());
    }

    @Test
    void stopInterruptsTheNodeMidRequest() throws Exception {
        Events ev = new Events();
        RunHandle h = start("hanging-node", ev, b -> { });
        assertTrue(server.hangEntered.await(10, TimeUnit.SECONDS), "the request reached the server");
        long t0 = System.nanoTime();
        h.stop("user pressed stop");
        RunFinished f = h.await(WAIT);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(RunStatus.STOPPED, f.status());
        assertEquals("user pressed stop", f.error());
        assertEquals(NodeStatus.STOPPED, ev.finished("hang").status());
        assertTrue(millis < 1000, "stopped after " + millis + " ms");
    }
}
