package io.tributary.node.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;

class StartEndNodeTypeTest {

    private static final GraphNode FORM = new GraphNode("start", "start", null, "Start", Map.of("variables", List.of(
            Map.of("variable", "query", "type", "text-input", "required", true, "max_length", 5),
            Map.of("variable", "lang", "type", "select", "options", List.of("en", "de"), "default", "en"),
            Map.of("variable", "n", "type", "number"),
            Map.of("variable", "ok", "type", "checkbox"),
            Map.of("variable", "doc", "type", "file"),
            Map.of("variable", "docs", "type", "file-list", "max_length", 2),
            Map.of("variable", "cfg", "type", "json"),
            Map.of("variable", "notes", "type", "paragraph"))));

    private static NodeResult start(Map<String, Object> inputs) throws Exception {
        return new StartNodeType().create(FORM).execute(new TestContext(FORM, inputs));
    }

    private static String startError(Map<String, Object> inputs) {
        return assertThrows(NodeExecutionException.class, () -> start(inputs)).getMessage();
    }

    @Test
    void startOutputsGivenInputsAndDefaults() throws Exception {
        NodeResult r = start(Map.of("query", "hello", "extra", "ignored", "n", "42", "ok", true));
        Map<String, Object> expected = new HashMap<>();
        expected.put("query", "hello");
        expected.put("lang", "en");
        expected.put("n", 42L);
        expected.put("ok", true);
        expected.put("doc", null);
        expected.put("docs", null);
        expected.put("cfg", null);
        expected.put("notes", null);
        assertEquals(expected, r.outputs());
        assertEquals(2.5, start(Map.of("query", "q", "n", 2.5)).outputs().get("n"));
        assertEquals(ExecutionType.ROOT, new StartNodeType().executionType());
    }

    @Test
    void startChecksRunInputsAndNamesTheField() {
        assertEquals("node 'start': input 'query': query is required in input form", startError(Map.of()));
        assertTrue(startError(Map.of("query", "")).contains("query is required"));
        assertTrue(startError(Map.of("query", "toolong")).contains("query in input form must be less than 5 characters"));
        assertTrue(startError(Map.of("query", 7)).contains("query in input form must be a string"));
        assertTrue(startError(Map.of("query", "q", "lang", "fr")).contains("lang in input form must be one of the following: [en, de]"));
        assertTrue(startError(Map.of("query", "q", "n", "many")).contains("n in input form must be a valid number"));
        assertTrue(startError(Map.of("query", "q", "ok", "maybe")).contains("ok in input form must be a boolean"));
        assertTrue(startError(Map.of("query", "q", "doc", "a.pdf")).contains("doc in input form must be a file"));
        assertTrue(startError(Map.of("query", "q", "docs", List.of(Map.of(), Map.of(), Map.of())))
                .contains("docs in input form must have at most 2 files"));
        assertTrue(startError(Map.of("query", "q", "cfg", List.of())).contains("cfg in input form must be an object"));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> start(Map.of()));
        assertEquals("InvalidInputError", e.errorType());
    }

    @Test
    void maxLengthCountsCharactersNotBytes() throws Exception {
        assertEquals("ééééé", start(Map.of("query", "ééééé")).outputs().get("query"));
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
    void startChecksRequiredMaxLengthAndOptionsTypes() {
        GraphNode start = new GraphNode("s2", "start", null, "", Map.of("variables", List.of(
                Map.of("variable", "a", "type", "text-input", "required", "yes", "max_length", "ten"),
                Map.of("variable", "b", "type", "select", "options", "x,y"),
                Map.of("variable", "c", "type", "select", "options", List.of("x"), "default", "z"),
                Map.of("variable", "a", "type", "number", "max_length", -1))));
        List<String> p = assertThrows(NodeValidationException.class, () -> new StartNodeType().validate(start)).problems();
        assertEquals(List.of(
                "node 's2': 'variables[0].required' must be true or false",
                "node 's2': 'variables[0].max_length' must be an integer",
                "node 's2': variables[1].options must be a list of strings",
                "node 's2': variables[2].default 'z' is not one of its options [x]",
                "node 's2': variables[3].variable 'a' is declared twice",
                "node 's2': variables[3].max_length must not be negative"), p);
    }

    @Test
    void endReadsItsOutputsFromSelectors() throws Exception {
        GraphNode end = new GraphNode("end", "end", null, "End", Map.of("outputs", List.of(
                Map.of("variable", "answer", "value_selector", List.of("llm", "text")),
                Map.of("variable", "missing", "value_selector", List.of("nowhere", "x")))));
        TestContext ctx = new TestContext(end, Map.of());
        ctx.put("llm", "text", "forty-two");
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

    @Test
    void answerRendersItsTemplateAndCollectsFiles() throws Exception {
        GraphNode answer = new GraphNode("ans", "answer", null, "", Map.of("answer",
                "Hi {{#start.name#}}, see {{#tool.file#}} and {{#tool.files#}}"));
        Map<String, Object> f1 = Map.of("transfer_method", "tool_file", "filename", "a.txt");
        Map<String, Object> f2 = Map.of("transfer_method", "tool_file", "filename", "b.txt");
        TestContext ctx = new TestContext(answer, Map.of()).put("start", "name", "Ada").put("tool", "file", f1)
                .put("tool", "files", List.of(f2));
        NodeResult r = new AnswerNodeType().create(answer).execute(ctx);
        assertTrue(((String) r.outputs().get("answer")).startsWith("Hi Ada, see "));
        assertEquals(List.of(f1, f2), r.outputs().get("files"));
        assertEquals(ExecutionType.RESPONSE, new AnswerNodeType().executionType());
        assertEquals(List.of("node 'a': 'answer' is required (the answer template)"), assertThrows(
                NodeValidationException.class, () -> new AnswerNodeType().validate(
                        new GraphNode("a", "answer", null, "", Map.of()))).problems());
    }
}
