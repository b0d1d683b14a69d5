package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeLogged;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;
import io.tributary.api.model.Problem;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeResult;

class EventsAndLeasesTest extends EngineFixture {

    @Test
    void eventsComeInOrderWithEverythingDifyNeeds() throws Exception {
        Graph g = new Graphs().node("s", "start").node("a", "echo", "title", "Step A", "outputs", map("v", "x"),
                "tokens", 12).edge("s", "a").build();
        Recorder rec = run(g, r -> r.runId("run-42").workflowId("wf-1").input("q", "hello").system("user_id", "u9"));
        List<Class<?>> kinds = rec.events.stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(RunStarted.class, NodeStarted.class, NodeFinished.class, NodeStarted.class,
                NodeFinished.class, RunFinished.class), kinds);
        RunStarted rs = (RunStarted) rec.events.get(0);
        assertEquals("run-42", rs.runId());
        assertEquals("wf-1", rs.workflowId());
        assertEquals(Map.of("q", "hello"), rs.inputs());
        NodeStarted a = rec.of(NodeStarted.class).get(1);
        assertEquals("a", a.nodeId());
        assertEquals("echo", a.nodeType());
        assertEquals("1.0.0", a.nodeVersion());
        assertEquals("Step A", a.title());
        assertEquals(2, a.index());
        assertEquals("s", a.predecessorNodeId());
        NodeFinished fa = rec.finished("a");
        assertEquals(a.executionId(), fa.executionId());
        assertEquals(NodeStatus.SUCCEEDED, fa.status());
        assertEquals(Map.of("v", "x"), fa.outputs());
        assertEquals(Map.of("total_tokens", 12), fa.metadata());
        assertEquals(a.at(), fa.startedAt());
        assertNull(fa.error());
        assertTrue(fa.elapsedMillis() >= 0);
        RunFinished f = last(rec);
        assertEquals("wf-1", f.workflowId());
        assertEquals(RunStatus.SUCCEEDED, f.status());
        assertEquals(2, f.totalSteps());
        assertEquals(12, f.totalTokens());
        assertEquals(0, f.exceptionsCount());
        assertEquals(rs.at(), f.startedAt());
        assertFalse(rec.concurrent);
    }

    @Test
    void sysVariablesAreReadable() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("a", "echo", "outputs", map("v", "{{#sys.user_id#}}|{{#sys.workflow_run_id#}}|{{#sys.files#}}"))
                .edge("s", "a").build();
        Recorder rec = run(g, r -> r.runId("r1").system("user_id", "u9").system("query", null));
        assertEquals("u9|r1|[]", rec.finished("a").outputs().get("v"));
    }

    @Test
    void leasesAreClosedWhenTheRunEndsAndVersionsArePinned() throws Exception {
        registry.add("echo", "2.0.0", TestNodes.type(ExecutionType.EXECUTABLE,
                ctx -> NodeResult.of(Map.of("v", "v2"))));
        registry.add("tool", "langgenius/chunker/general", "1.0.0", TestNodes.type(ExecutionType.EXECUTABLE,
                ctx -> NodeResult.of(Map.of("v", "tool"))));
        Graph g = new Graphs().node("s", "start").nodeV("old", "echo", "1", "outputs", map("v", "v1"))
                .node("new", "echo")
                .node("t", "tool", "provider_id", "langgenius/chunker", "tool_name", "general")
                .edge("s", "old").edge("old", "new").edge("new", "t").build();
        Recorder rec = run(g);
        assertEquals("v1", rec.finished("old").outputs().get("v"));
        assertEquals("1.0.0", rec.finished("old").nodeVersion());
        assertEquals("v2", rec.finished("new").outputs().get("v"));
        assertEquals("2.0.0", rec.finished("new").nodeVersion());
        assertEquals("tool", rec.finished("t").outputs().get("v"));
        assertTrue(registry.requests.contains("echo@1"), registry.requests::toString);
        assertTrue(registry.requests.contains("echo@null"));
        assertTrue(registry.requests.contains("tool[langgenius/chunker/general]@null"));
        assertEquals(0, registry.open.get());
    }

    @Test
    void leasesAreHeldWhileTheRunIsInFlight() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("s", "start").node("b", "block").edge("s", "b").build();
        RunHandle h = engine.start(g, RunRequest.builder().build());
        assertTrue(blocking.entered.await(5, TimeUnit.SECONDS));
        assertEquals(2, registry.open.get());
        assertTrue(engine.run(h.runId()).isPresent());
        h.stop("done");
        h.await(WAIT);
        assertEquals(0, registry.open.get());
    }

    @Test
    void validationNamesEveryProblemWithItsNode() {
        Graph g = new Graphs().node("s", "start").node("x", "llm").nodeV("e", "echo", "7")
                .node("a", "echo").node("b", "echo")
                .edge("s", "x").edge("s", "e").edge("s", "ghost").edge("a", "b").edge("b", "a").build();
        List<Problem> problems = engine.validate(g);
        List<String> texts = problems.stream().map(p -> p.code() + " " + p).toList();
        assertTrue(texts.contains("edge node 's' workflow.graph.edges[s-source-ghost].target: edge 's-source-ghost' "
                + "ends at 'ghost', which is not a node"), texts::toString);
        assertTrue(texts.contains("cycle node 'a' workflow.graph.edges: nodes 'a', 'b' form a cycle; only a loop node "
                + "may repeat"), texts::toString);
        assertTrue(texts.contains("node_type node 'x' data.type: node type 'llm' version 'latest' is not installed"),
                texts::toString);
        assertTrue(texts.contains("node_type node 'e' data.type: node type 'echo' version '7' is not installed"),
                texts::toString);
        assertEquals(0, registry.open.get());
        var e = rejected(g, RunRequest.builder().build());
        assertFalse(e.problems().isEmpty());
        assertEquals(0, registry.open.get());
        assertTrue(engine.validate(new Graphs().node("s", "start").build()).isEmpty());
        assertEquals("graph has no nodes", engine.validate(new Graph(List.of(), List.of())).get(0).message());
    }

    @Test
    void rejectedStartLeavesNoLeaseOpen() {
        Graph g = new Graphs().node("s", "start").node("x", "missing").edge("s", "x").build();
        var e = rejected(g, RunRequest.builder().build());
        assertEquals("node 'x': node type 'missing' version 'latest' is not installed", e.getMessage());
        assertEquals(0, registry.open.get());
    }

    @Test
    void layersSeeEveryRunAndTheirExceptionsAreSwallowed() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        engine.addLayer(new EngineLayer() {
            @Override
            public java.util.concurrent.CompletionStage<?> onRunStart(RunStarted started) {
                calls.add("start");
                throw new IllegalStateException("layer bug");
            }

            @Override
            public void onEvent(RunEvent event) {
                calls.add(event.getClass().getSimpleName());
                throw new IllegalStateException("layer bug");
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onRunEnd(RunFinished finished) {
                calls.add("end");
                return EngineLayer.done();
            }
        });
        Recorder rec = run(new Graphs().node("s", "start").build());
        assertEquals(RunStatus.SUCCEEDED, last(rec).status());
        assertEquals(List.of("start", "RunStarted", "NodeStarted", "NodeFinished", "RunFinished", "end"), calls);
    }

    @Test
    void theHandleCompletesOnlyAfterTheLayersWorkIsDurable() throws Exception {
        java.util.concurrent.CompletableFuture<Void> startDurable = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Void> endDurable = new java.util.concurrent.CompletableFuture<>();
        List<io.tributary.api.event.RunOrigin> origins = new CopyOnWriteArrayList<>();
        engine.addLayer(new EngineLayer() {
            @Override
            public java.util.concurrent.CompletionStage<?> onRunStart(RunStarted started) {
                origins.add(started.origin());
                return startDurable;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onRunEnd(RunFinished finished) {
                return endDurable;
            }
        });
        java.util.concurrent.CompletableFuture<RunFinished> heard = new java.util.concurrent.CompletableFuture<>();
        RunHandle h = engine.start(new Graphs().node("s", "start").build(), RunRequest.builder()
                .origin("app-1", "alice").listener(ev -> {
                    if (ev instanceof RunFinished x) {
                        heard.complete(x);
                    }
                }).build());
        // the engine loop is not held by the pending stages: the run ends and its listener hears it
        RunFinished f = heard.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(RunStatus.SUCCEEDED, f.status());
        assertEquals(List.of(new io.tributary.api.event.RunOrigin("app-1", "alice")), origins);
        assertFalse(h.started().toCompletableFuture().isDone());
        assertFalse(h.completion().toCompletableFuture().isDone());
        startDurable.complete(null);
        assertNotNull(h.started().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertFalse(h.completion().toCompletableFuture().isDone());
        endDurable.complete(null);
        assertEquals(f, h.completion().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void aRejectedRunIsAnEventTheLayersSee() {
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        engine.addLayer(new EngineLayer() {
            @Override
            public void onEvent(RunEvent event) {
                seen.add(event);
            }
        });
        Graph g = new Graphs().node("s", "start").node("x", "missing").edge("s", "x").build();
        var e = rejected(g, RunRequest.builder().runId("rj").workflowId("wf").origin("app-1", "bob").build());
        assertEquals(1, seen.size());
        var r = (io.tributary.api.event.RunRejected) seen.get(0);
        assertEquals("rj", r.runId());
        assertEquals("wf", r.workflowId());
        assertEquals(new io.tributary.api.event.RunOrigin("app-1", "bob"), r.origin());
        assertEquals(e.getMessage(), r.error());
    }

    @Test
    void lateSubscriberGetsTheTerminalEventOnce() throws Exception {
        RunHandle h = engine.start(new Graphs().node("s", "start").build(), RunRequest.builder().build());
        RunFinished f = h.await(WAIT);
        Recorder late = new Recorder();
        h.subscribe(late);
        assertEquals(List.of(f), late.events);
        assertEquals(f, h.completion().toCompletableFuture().get(1, TimeUnit.SECONDS));
    }

    @Test
    void nodeWarningsBecomeEvents() throws Exception {
        registry.add("warn", "1.0.0", TestNodes.type(ExecutionType.EXECUTABLE, ctx -> {
            ctx.log().warn("disk {} almost full", "/tmp");
            ctx.log().info("not mirrored");
            return NodeResult.of(Map.of());
        }));
        Recorder rec = run(new Graphs().node("s", "start").node("w", "warn").edge("s", "w").build());
        List<NodeLogged> logs = rec.of(NodeLogged.class);
        assertEquals(1, logs.size());
        assertEquals("disk /tmp almost full", logs.get(0).message());
        assertEquals("WARN", logs.get(0).level());
        assertNotNull(logs.get(0).executionId());
    }

    @Test
    void duplicateRunIdIsRejected() throws Exception {
        TestNodes.Blocking blocking = new TestNodes.Blocking(1);
        registry.add("block", "1.0.0", blocking);
        Graph g = new Graphs().node("s", "start").node("b", "block").edge("s", "b").build();
        RunHandle h = engine.start(g, RunRequest.builder().runId("same").build());
        var e = rejected(g, RunRequest.builder().runId("same").build());
        assertEquals("run 'same' is already running", e.getMessage());
        h.stop("x");
        assertInstanceOf(RunFinished.class, h.await(Duration.ofSeconds(5)));
    }
}
