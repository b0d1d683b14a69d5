package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.api.event.ContainerNext;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.GraphNode;
import io.tributary.node.flow.FlowTypes;

/** The Dify-style export with every flow node type, end to end, on both branches of its if-else. */
class AllFlowNodesGraphTest extends GraphTest {
    private static final String FIXTURE = "workflow-all-flow-nodes";
    private static final Map<String, Object> TOPICS = Map.of("items", List.of("alpha", "beta", "gamma", "delta"));

    @BeforeEach
    void pointAtServer() {
        env.put("search_url", server.base());
    }

    @Test
    void fixtureUsesEveryFlowNodeType() {
        Set<String> used = new TreeSet<>();
        for (GraphNode n : load(FIXTURE).graph().nodes()) {
            used.add(n.type() + "@" + (n.version() == null ? "1" : n.version()));
        }
        Set<String> all = new TreeSet<>();
        FlowTypes.all(null).keySet().forEach(k -> all.add(k.substring(0, k.indexOf('@') + 2)));
        assertEquals(all, used);
    }

    @Test
    void searchBranchIteratesLoopsAndRemembers() throws Exception {
        Events ev = run(FIXTURE, b -> b.input("query", "engines").input("topics", TOPICS));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        String lines = "- alpha (q=engines)\n- beta (q=engines)\n- gamma (q=engines)";
        assertEquals(Map.of("answer", lines + " [rounds: 1]", "files", List.of(), "result", lines, "round", 1L,
                "saved", lines), normalized(ev.end().outputs()));
        assertEquals(4, ev.of(ContainerNext.class).stream().filter(n -> n.nodeId().equals("1700000000005")).count());
        assertEquals("Bearer s3cr3t-t0ken-value", server.lastHeaders.get("authorization"));
        assertFalse(ev.all.toString().contains("s3cr3t-t0ken-value"));
        assertTrue(ev.finishes("1700000000008").isEmpty(), "the other branch is skipped");
    }

    @Test
    void noQueryTakesTheOtherBranch() throws Exception {
        Events ev = run(FIXTURE, b -> b.input("topics", TOPICS));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(Map.of("answer", "Nothing to search for. [rounds: 1]", "files", List.of(),
                "result", "Nothing to search for.", "round", 1L, "saved", "Nothing to search for."),
                normalized(ev.end().outputs()));
        List<String> started = ev.of(NodeStarted.class).stream().map(NodeStarted::title).toList();
        assertFalse(started.contains("Search"), started::toString);
        assertTrue(started.contains("Pass it on"), started::toString);
    }

    private static Map<String, Object> normalized(Map<String, Object> outputs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(outputs);
        m.computeIfPresent("round", (k, v) -> ((Number) v).longValue());
        return m;
    }
}
