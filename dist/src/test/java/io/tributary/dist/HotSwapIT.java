package io.tributary.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.engine.RetireResult;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.PluginInfo;

/**
 * The admin story in a real framework: v2 of a node bundle installed beside v1 while a run is in flight on v1;
 * new runs take v2 at once, a pinned graph still gets v1, the in-flight run finishes on v1, and retiring v1
 * waits for it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {
    @Inject
    BundleContext ctx;

    @Inject
    WorkflowEngine engine;

    @Inject
    NodeTypeRegistry registry;

    @Inject
    PluginAdmin plugins;

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = new java.util.ArrayList<>(List.of(new RuntimeIT().config()));
        // the shipped plugins (start/end live in the flow bundle)
        try (var jars = Files.list(RuntimeIT.DIST.resolve("deploy"))) {
            jars.forEach(j -> options.add(org.ops4j.pax.exam.CoreOptions.bundle(j.toUri().toString())));
        }
        return options.toArray(new Option[0]);
    }

    static Graph chain(String middleType, String middleVersion, Map<String, Object> middleData) {
        return new Graph(List.of(
                new GraphNode("start", "start", null, "Start", Map.of("variables", List.of())),
                new GraphNode("mid", middleType, middleVersion, middleType, middleData),
                new GraphNode("end", "end", null, "End", Map.of("outputs", List.of(
                        Map.of("variable", "out", "value_selector", List.of("mid", "version")))))),
                List.of(new GraphEdge(null, "start", null, "mid"), new GraphEdge(null, "mid", null, "end")));
    }

    @Test
    public void v2BesideV1WithARunInFlightAcrossTheSwap() throws Exception {
        Path jar = Paths.get(System.getProperty("tributary.testkit.jar"));
        Path deploy = RuntimeIT.WORK.resolve("deploy");
        Files.createDirectories(deploy);
        Path v1 = Jars.withVersion(jar, "1.0.0", deploy.resolve("swap-1.0.0.jar"));
        Path v2 = null;
        try {
            Await.until(ctx, Duration.ofSeconds(5), "wait 1.0.0", () -> hasVersion("wait", "1.0.0")
                    && registry.list().stream().anyMatch(t -> t.type().equals("end")));

            // A run in flight on v1: the wait node blocks until we are done swapping.
            RunHandle inFlight = engine.start(chain("wait", null, Map.of("millis", 1500)),
                    RunRequest.builder().build());

            v2 = Jars.withVersion(jar, "2.0.0", deploy.resolve("swap-2.0.0.jar"));
            long swapMs = Await.until(ctx, Duration.ofSeconds(5), "echo 2.0.0 is the latest",
                    () -> hasVersion("echo", "2.0.0"));
            System.out.println("hot swap: v2 resolvable " + swapMs + " ms after its jar landed in deploy/");

            RunFinished fresh = engine.start(chain("echo", null, Map.of("text", "hi")), RunRequest.builder().build())
                    .await(Duration.ofSeconds(10));
            assertEquals(RunStatus.SUCCEEDED, fresh.status());
            assertEquals("new runs take v2 at once", "2.0.0", fresh.outputs().get("out"));

            RunFinished pinned = engine.start(chain("echo", "1", Map.of("text", "hi")), RunRequest.builder().build())
                    .await(Duration.ofSeconds(10));
            assertEquals("a graph pinned to 1 keeps v1", "1.0.0", pinned.outputs().get("out"));

            long v1Id = plugins.plugins().stream()
                    .filter(p -> p.symbolicName().equals("io.tributary.node.testkit") && p.version().equals("1.0.0"))
                    .mapToLong(PluginInfo::bundleId).findFirst().orElseThrow();
            assertTrue("v1 is in use by the in-flight run", registry.inFlight(v1Id) > 0);
            CompletableFuture<RetireResult> retire = CompletableFuture.supplyAsync(() -> {
                try {
                    return plugins.retire(v1Id, Duration.ofSeconds(20)).orElseThrow();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            RunFinished finished = inFlight.await(Duration.ofSeconds(20));
            assertEquals("the run started on v1 finishes on v1", RunStatus.SUCCEEDED, finished.status());
            RetireResult r = retire.get(20, TimeUnit.SECONDS);
            assertTrue("retiring waited for the run", r.drained());
            assertEquals(0, r.inFlightLeft());
            assertTrue("it did wait: " + r.waitedMillis() + " ms", r.waitedMillis() > 100);
            assertTrue(plugins.plugin(v1Id).isEmpty());
            assertEquals("2.0.0", registry.resolve("echo", null, null).version());
        } finally {
            Files.deleteIfExists(v1);
            if (v2 != null) {
                Files.deleteIfExists(v2);
            }
            Await.until(ctx, Duration.ofSeconds(5), "testkit gone", () -> !hasVersion("echo", "2.0.0"));
        }
    }

    private boolean hasVersion(String type, String version) {
        return registry.list().stream().anyMatch(t -> t.type().equals(type) && t.version().equals(version));
    }
}
