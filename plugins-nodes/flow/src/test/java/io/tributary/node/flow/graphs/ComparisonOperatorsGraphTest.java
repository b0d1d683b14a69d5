package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.GraphNode;

/** Every if-else comparison operator, both outcomes, as a table of if-else nodes in one graph. */
class ComparisonOperatorsGraphTest extends GraphTest {
    private static final Set<String> OPERATORS = Set.of("contains", "not contains", "start with", "end with", "is",
            "is not", "empty", "not empty", "in", "not in", "all of", "=", "≠", ">", "<", "≥", "≤", "null", "not null",
            "exists", "not exists");

    @Test
    void everyOperatorGivesTheExpectedResult() throws Exception {
        List<GraphNode> rows = load("comparison-operators").graph().nodes().stream()
                .filter(n -> n.type().equals("if-else")).toList();
        Events ev = run("comparison-operators", b -> b.input("text", "hello world").input("num", 42)
                .input("flag", true).input("data", Map.of("letters", List.of("a", "b", "c"), "nothing", List.of())));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        List<String> wrong = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        Set<Boolean> outcomes = new java.util.HashSet<>();
        for (GraphNode row : rows) {
            boolean expected = row.data().get("desc").equals("expect true");
            NodeFinished f = ev.finished(row.id());
            if (!Boolean.valueOf(expected).equals(f.outputs().get("result"))) {
                wrong.add(row.title() + ": expected " + expected + ", got " + f.outputs() + " " + f.error());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> condition = (Map<String, Object>) ((List<?>) ((Map<?, ?>) ((List<?>) row.data()
                    .get("cases")).get(0)).get("conditions")).get(0);
            covered.add((String) condition.get("comparison_operator"));
            outcomes.add(expected);
        }
        assertEquals(List.of(), wrong);
        assertEquals(new TreeSet<>(OPERATORS), covered);
        assertTrue(rows.size() >= 2 * OPERATORS.size());
    }
}
