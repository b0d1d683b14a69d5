package io.tributary.engine.impl;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;

import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunFinished;
import io.tributary.api.model.Graph;
import io.tributary.engine.impl.limits.Limits;

/** Base for engine tests: a registry with the test node types and an engine with test limits. */
abstract class EngineFixture {
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestNodes.Flaky flaky = new TestNodes.Flaky();
    final TestNodes.Streamer streamer = new TestNodes.Streamer();
    final FakeRegistry registry = new FakeRegistry()
            .add("start", "1.0.0", TestNodes.start())
            .add("echo", "1.0.0", TestNodes.echo())
            .add("branch", "1.0.0", TestNodes.branch())
            .add("end", "1.0.0", TestNodes.end())
            .add("answer", "1.0.0", TestNodes.answer())
            .add("fail", "1.0.0", TestNodes.fail())
            .add("boom", "1.0.0", TestNodes.boom())
            .add("big", "1.0.0", TestNodes.big())
            .add("flaky", "1.0.0", flaky)
            .add("streamer", "1.0.0", streamer)
            .add("iteration", "1.0.0", new TestNodes.Iteration());
    WorkflowEngineImpl engine = engine(limits());

    Limits limits() {
        return new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 204800, 5, Duration.ofMillis(500));
    }

    WorkflowEngineImpl engine(Limits limits) {
        return new WorkflowEngineImpl(limits, Duration.ofSeconds(5), registry);
    }

    @AfterEach
    void shutdown() {
        engine.deactivate();
    }

    /** Runs a graph to its end, recording every event. */
    Recorder run(Graph graph, Consumer<RunRequest.Builder> request) throws Exception {
        Recorder rec = new Recorder();
        RunRequest.Builder b = RunRequest.builder().listener(rec);
        request.accept(b);
        RunHandle h = engine.start(graph, b.build());
        RunFinished f = h.await(WAIT);
        if (rec.events.isEmpty() || rec.events.get(rec.events.size() - 1) != f) {
            throw new AssertionError("terminal event was not the last one delivered: " + rec.events);
        }
        return rec;
    }

    Recorder run(Graph graph) throws Exception {
        return run(graph, b -> { });
    }

    static RunFinished last(Recorder rec) {
        return (RunFinished) rec.events.get(rec.events.size() - 1);
    }

    RunRejectedException rejected(Graph graph, RunRequest request) {
        try {
            engine.start(graph, request);
        } catch (RunRejectedException e) {
            return e;
        }
        throw new AssertionError("run was not rejected");
    }
}
