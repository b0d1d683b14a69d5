package io.tributary.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;
import io.tributary.api.model.Problem;
import io.tributary.engine.impl.domain.CheckedGraphs;

/** A published graph is checked once for all its runs; node types are still resolved at every run start. */
class CheckedGraphsTest extends EngineFixture {
    private final CheckedGraphs graphs = new CheckedGraphs();

    {
        engine.deactivate();
        engine = new WorkflowEngineImpl(limits(), Duration.ofSeconds(5), registry, graphs);
    }

    private static Graph graph() {
        return new Graphs().node("s", "start").node("e", "echo").edge("s", "e").build();
    }

    @Test
    void oneCheckPerGraphInstanceNotPerRun() throws Exception {
        Graph g = graph();
        assertEquals(RunStatus.SUCCEEDED, last(run(g)).status());
        assertEquals(RunStatus.SUCCEEDED, last(run(g)).status());
        assertEquals(1, graphs.size());
        assertSame(graphs.structure(g), graphs.structure(g));
        Graph equalButOther = graph();
        assertEquals(g, equalButOther);
        assertNotSame(graphs.structure(g), graphs.structure(equalButOther), "keyed by instance, not by contents");
    }

    @Test
    void nodeTypesAreResolvedAtEveryRunStart() throws Exception {
        Graph g = graph();
        assertEquals(RunStatus.SUCCEEDED, last(run(g)).status());
        int acquired = registry.acquired.get();
        registry.remove("echo");
        var e = rejected(g, RunRequest.builder().build());
        assertTrue(e.problems().stream().anyMatch(p -> Problem.NODE_TYPE.equals(p.code()) && "e".equals(p.nodeId())),
                e.problems()::toString);
        assertTrue(registry.acquired.get() > acquired, "the second start asked the registry again");
    }

    @Test
    void aRejectedStructureIsRememberedToo() {
        Graph g = new Graphs().node("s", "start").node("a", "echo").node("b", "echo").edge("s", "a").edge("a", "b")
                .edge("b", "a").build();
        var first = rejected(g, RunRequest.builder().build());
        var second = rejected(g, RunRequest.builder().build());
        assertEquals(first.problems(), second.problems());
        assertEquals(Problem.CYCLE, first.problems().get(0).code());
        assertEquals(0, registry.acquired.get(), "a graph that cannot run takes no lease");
    }
}
