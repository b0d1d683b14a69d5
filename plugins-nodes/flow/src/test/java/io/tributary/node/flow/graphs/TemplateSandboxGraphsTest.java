package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

import io.tributary.api.engine.RunHandle;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;

/** Hostile templates on the real engine: a memory bomb fails its node, a stop frees the rendering thread. */
class TemplateSandboxGraphsTest extends GraphTest {

    @Test
    void theListDoublingBombFailsItsNodeAndTheRun() throws Exception {
        Events ev = run("template-sandbox", b -> b.inputs(Map.of("which", "bomb")));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals(NodeStatus.FAILED, ev.finished("bomb").status());
        assertTrue(ev.finished("bomb").error().contains("max.collection.size"), ev.finished("bomb").error());
        assertTrue(ev.finishes("after").isEmpty());
    }

    @Test
    void aStopEndsTheRenderAndItsThread() throws Exception {
        Events ev = new Events();
        RunHandle h = start("template-sandbox", ev, b -> b.inputs(Map.of("which", "long")));
        await(() -> ev.of(NodeStarted.class).stream().anyMatch(s -> s.nodeId().equals("long")), WAIT,
                "the render started");
        await(TemplateSandboxGraphsTest::rendering, WAIT, "a thread is rendering");
        h.stop("user pressed stop");
        RunFinished f = h.await(WAIT);
        assertEquals(RunStatus.STOPPED, f.status());
        assertEquals(NodeStatus.STOPPED, ev.finished("long").status());
        // Before the sandbox the thread was abandoned and rendered on for minutes.
        await(() -> !rendering(), Duration.ofSeconds(1), "no thread renders a second after the stop");
    }

    /** True while some thread (node threads are virtual: a full thread dump shows them) is inside Jinjava. */
    private static boolean rendering() {
        try {
            Path dump = Files.createTempFile("threads", ".txt");
            Files.delete(dump);
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                return Files.readString(dump).contains("com.hubspot.jinjava.");
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the condition every few milliseconds until it holds; fails after {@code timeout}. */
    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            LockSupport.parkNanos(5_000_000);
        }
    }
}
