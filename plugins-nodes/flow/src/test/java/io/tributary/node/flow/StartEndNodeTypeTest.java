package io.tributary.node.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;

class StartEndNodeTypeTest {

    @Test
    void startOutputsGivenInputsAndDefaults() throws Exception {
        GraphNode start = new GraphNode("start", "start", null, "Start", Map.of("variables", List.of(
                Map.of("variable", "query", "type", "text-input", "required", true),
                Map.of("variable", "lang", "type", "select", "default", "en"),
                Map.of("variable", "n", "type", "number"))));
        NodeResult r = new StartNodeType().create(start)
                .execute(new TestContext(start, Map.of("query", "hello", "extra", "ignored")));
        Map<String, Object> expected = new HashMap<>();
        expected.put("query", "hello");
        expected.put("lang", "en");
        expected.put("n", null);
        assertEquals(expected, r.outputs());
    }

    @Test
    void startRejectsBadDeclarationsWithEveryProblem() {
        GraphNode start = new GraphNode("s1", "start", null, "", Map.of("variables", List.of(
                Map.of("type", "text-input"), Map.of("variable", "a", "type", "colour"))));
        NodeValidationException e = assertThrows(NodeValidationException.class, () -> new StartNodeType().validate(start));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).contains("node 's1': variables[0].variable is required"));
        assertTrue(e.problems().get(1).contains("'colour'"));
    }

    @Test
    void endReadsItsOutputsFromSelectors() throws Exception {
        GraphNode end = new GraphNode("end", "end", null, "End", Map.of("outputs", List.of(
                Map.of("variable", "answer", "value_selector", List.of("llm", "text")),
                Map.of("variable", "missing", "value_selector", List.of("nowhere", "x")))));
        TestContext ctx = new TestContext(end, Map.of());
        ctx.pool.put("llm", Map.of("text", "forty-two"));
        NodeResult r = new EndNodeType().create(end).execute(ctx);
        Map<String, Object> expected = new HashMap<>();
        expected.put("answer", "forty-two");
        expected.put("missing", null);
        assertEquals(expected, r.outputs());
    }

    @Test
    void endRejectsASelectorThatIsNotAList() {
        GraphNode end = new GraphNode("e", "end", null, "", Map.of("outputs", List.of(
                Map.of("variable", "a", "value_selector", "llm.text"))));
        NodeValidationException e = assertThrows(NodeValidationException.class, () -> new EndNodeType().validate(end));
        assertEquals(List.of("node 'e': outputs[0].value_selector must be a list of at least two strings"), e.problems());
    }
}
