package io.tributary.node.flow.branch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.TestContext;

class IfElseNodeTypeTest {
    private static final Object MISSING = new Object();

    private static Map<String, Object> cond(String op, Object value) {
        Map<String, Object> c = new HashMap<>();
        c.put("variable_selector", List.of("n", "v"));
        c.put("comparison_operator", op);
        if (value != null) {
            c.put("value", value);
        }
        return c;
    }

    private static GraphNode node(List<Map<String, Object>> conditions, String logical) {
        return new GraphNode("if1", "if-else", null, "", Map.of("cases", List.of(
                Map.of("case_id", "yes", "logical_operator", logical, "conditions", conditions))));
    }

    private static NodeResult run(GraphNode node, Object actual) throws Exception {
        TestContext ctx = new TestContext(node, Map.of());
        ctx.put("other", "text", "abc");
        if (actual != MISSING) {
            ctx.put("n", "v", actual);
        }
        return new IfElseNodeType().create(node).execute(ctx);
    }

    private static boolean holds(String op, Object actual, Object expected) throws Exception {
        NodeResult r = run(node(List.of(cond(op, expected)), "and"), actual);
        assertEquals(r.outputs().get("result"), !"false".equals(r.edgeSourceHandle()));
        return (Boolean) r.outputs().get("result");
    }

    static Stream<Arguments> operatorCases() {
        Map<String, Object> obj = Map.of("a", 1);
        return Stream.of(
                // strings
                Arguments.of("contains", "hello world", "lo w", true),
                Arguments.of("contains", "hello", "xyz", false),
                Arguments.of("contains", "", "x", false),
                Arguments.of("contains", null, "x", false),
                Arguments.of("contains", "abc{{#other.text#}}", "abcabc", false),
                Arguments.of("contains", "xabcx", "{{#other.text#}}", true),
                Arguments.of("not contains", "hello", "xyz", true),
                Arguments.of("not contains", "hello", "ell", false),
                Arguments.of("not contains", null, "x", true),
                Arguments.of("not contains", "", "x", true),
                Arguments.of("start with", "hello", "he", true),
                Arguments.of("start with", "hello", "lo", false),
                Arguments.of("start with", "", "", false),
                Arguments.of("start with", null, "a", false),
                Arguments.of("end with", "hello", "lo", true),
                Arguments.of("end with", "hello", "he", false),
                Arguments.of("is", "abc", "abc", true),
                Arguments.of("is", "abc", "ABC", false),
                Arguments.of("is", null, "abc", false),
                Arguments.of("is", "", "", true),
                Arguments.of("is not", "abc", "abd", true),
                Arguments.of("is not", "abc", "abc", false),
                Arguments.of("is not", null, "abc", false),
                Arguments.of("empty", "", null, true),
                Arguments.of("empty", "x", null, false),
                Arguments.of("empty", null, null, true),
                Arguments.of("empty", List.of(), null, true),
                Arguments.of("empty", Map.of(), null, true),
                Arguments.of("empty", 0, null, true),
                Arguments.of("empty", MISSING, null, true),
                Arguments.of("not empty", "x", null, true),
                Arguments.of("not empty", List.of(1), null, true),
                Arguments.of("not empty", "", null, false),
                Arguments.of("not empty", MISSING, null, false),
                Arguments.of("in", "b", List.of("a", "b"), true),
                Arguments.of("in", "c", List.of("a", "b"), false),
                Arguments.of("in", null, List.of("a"), false),
                Arguments.of("in", 2, List.of("1", "2"), true),
                Arguments.of("not in", "c", List.of("a", "b"), true),
                Arguments.of("not in", "a", List.of("a", "b"), false),
                Arguments.of("not in", null, List.of("a"), true),
                // numbers
                Arguments.of("=", 3, "3", true),
                Arguments.of("=", 3, "3.0", true),
                Arguments.of("=", 3.5, "3.5", true),
                Arguments.of("=", 3, "4", false),
                Arguments.of("=", null, "4", false),
                Arguments.of("≠", 3, "4", true),
                Arguments.of("≠", 3, "3", false),
                Arguments.of("≠", null, "3", false),
                Arguments.of(">", 5, "3", true),
                Arguments.of(">", 3, "3", false),
                Arguments.of(">", 2.5, "2.4", true),
                Arguments.of(">", null, "1", false),
                Arguments.of("<", 2, "3", true),
                Arguments.of("<", 3, "3", false),
                Arguments.of("≥", 3, "3", true),
                Arguments.of("≥", 2, "3", false),
                Arguments.of("≤", 3, "3", true),
                Arguments.of("≤", 4, "3", false),
                Arguments.of(">", 10, 9, true),
                Arguments.of("=", 1_000_000_000_000L, "1000000000000", true),
                // booleans
                Arguments.of("is", true, "true", true),
                Arguments.of("is", false, "true", false),
                Arguments.of("is", false, false, true),
                Arguments.of("is not", true, "false", true),
                Arguments.of("=", true, "true", true),
                Arguments.of("=", true, "1", true),
                Arguments.of("=", false, "0", true),
                Arguments.of("≠", true, "false", true),
                Arguments.of("empty", false, null, true),
                // arrays
                Arguments.of("contains", List.of("a", "b"), "b", true),
                Arguments.of("contains", List.of("a", "b"), "c", false),
                Arguments.of("contains", List.of(1, 2), "2", true),
                Arguments.of("contains", List.of(), "a", false),
                Arguments.of("not contains", List.of("a"), "b", true),
                Arguments.of("not contains", List.of("a"), "a", false),
                Arguments.of("all of", List.of("a", "b", "c"), List.of("a", "c"), true),
                Arguments.of("all of", List.of("a", "b"), List.of("a", "x"), false),
                Arguments.of("all of", List.of(), List.of("a"), false),
                Arguments.of("all of", "abc", List.of("a", "c"), true),
                Arguments.of("all of", List.of(true, false), List.of("true"), true),
                // objects and presence
                Arguments.of("not empty", obj, null, true),
                Arguments.of("null", null, null, true),
                Arguments.of("null", MISSING, null, true),
                Arguments.of("null", "", null, false),
                Arguments.of("not null", "", null, true),
                Arguments.of("not null", null, null, false),
                Arguments.of("exists", obj, null, true),
                Arguments.of("exists", null, null, false),
                Arguments.of("exists", MISSING, null, false),
                Arguments.of("not exists", MISSING, null, true),
                Arguments.of("not exists", 0, null, false));
    }

    @ParameterizedTest(name = "{1} {0} {2} -> {3}")
    @MethodSource("operatorCases")
    void everyOperator(String op, Object actual, Object expected, boolean result) throws Exception {
        assertEquals(result, holds(op, actual, expected));
    }

    @Test
    void wrongTypesFailTheNodeWithAClearMessage() {
        assertFails(">", "abc", "3", "operator '>' needs a number variable, got string");
        assertFails("=", 3, "three", "cannot compare with 'three': not a number");
        assertFails("start with", 3, "3", "needs a string variable, got number");
        assertFails("contains", 3, "3", "needs a string or an array variable, got number");
        assertFails("contains", Map.of("a", 1), "a", "got object");
        assertFails("in", "a", "a,b", "needs an array value, got string");
        assertFails("is", List.of("a"), "a", "got array[string]");
    }

    private static void assertFails(String op, Object actual, Object expected, String message) {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> holds(op, actual, expected));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("n.v"), e.getMessage());
    }

    @Test
    void aMissingVariableFailsComparisons() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> holds("contains", MISSING, "a"));
        assertTrue(e.getMessage().contains("{{#n.v#}} not found"), e.getMessage());
        assertEquals("VariableNotFoundError", e.errorType());
    }

    @Test
    void firstTrueCaseWinsElseFalse() throws Exception {
        GraphNode node = new GraphNode("if1", "if-else", null, "", Map.of("cases", List.of(
                Map.of("case_id", "small", "logical_operator", "and", "conditions", List.of(cond("<", "10"))),
                Map.of("case_id", "big", "logical_operator", "or", "conditions", List.of(cond(">", "100"), cond("=", "50"))))));
        assertEquals("small", run(node, 5).edgeSourceHandle());
        NodeResult big = run(node, 50);
        assertEquals("big", big.edgeSourceHandle());
        assertEquals(Map.of("result", true, "selected_case_id", "big"), big.outputs());
        NodeResult none = run(node, 20);
        assertEquals("false", none.edgeSourceHandle());
        assertEquals(Map.of("result", false, "selected_case_id", "false"), none.outputs());
        assertEquals(2, ((List<?>) none.processData().get("condition_results")).size());
    }

    @Test
    void andShortCircuitsAndOrNeedsOne() throws Exception {
        List<Map<String, Object>> conds = List.of(cond(">", "1"), cond("<", "10"));
        assertEquals("yes", run(node(conds, "and"), 5).edgeSourceHandle());
        assertEquals("false", run(node(conds, "and"), 50).edgeSourceHandle());
        assertEquals("yes", run(node(conds, "or"), 50).edgeSourceHandle());
        // and: the second (ill-typed) condition is never evaluated once the first is false
        List<Map<String, Object>> guarded = List.of(cond("not null", null), cond(">", "1"));
        assertEquals("false", run(node(guarded, "and"), MISSING).edgeSourceHandle());
    }

    @Test
    void legacyShapeUsesTrueAndFalseHandles() throws Exception {
        GraphNode node = new GraphNode("if1", "if-else", null, "", Map.of("logical_operator", "and",
                "conditions", List.of(cond("is", "ok"))));
        assertEquals("true", run(node, "ok").edgeSourceHandle());
        assertEquals(Map.of("result", true, "selected_case_id", "true"), run(node, "ok").outputs());
        assertEquals("false", run(node, "no").edgeSourceHandle());
        assertEquals(ExecutionType.BRANCH, new IfElseNodeType().executionType());
    }

    @Test
    void fileArraysUseSubConditions() throws Exception {
        List<Map<String, Object>> files = List.of(
                Map.of("dify_model_identity", "__dify__file__", "transfer_method", "local_file", "filename", "a.pdf",
                        "extension", ".pdf", "mime_type", "application/pdf", "size", 2000, "type", "document"),
                Map.of("dify_model_identity", "__dify__file__", "transfer_method", "local_file", "filename", "b.png",
                        "extension", "png", "mime_type", "image/png", "size", 10, "type", "image"));
        Map<String, Object> c = new HashMap<>(cond("contains", null));
        c.put("varType", "array[file]");
        c.put("sub_variable_condition", Map.of("logical_operator", "and", "conditions", List.of(
                Map.of("key", "extension", "comparison_operator", "is", "value", "png"),
                Map.of("key", "size", "comparison_operator", "<", "value", "100"))));
        assertEquals("yes", run(node(List.of(c), "and"), files).edgeSourceHandle());
        Map<String, Object> none = new HashMap<>(c);
        none.put("comparison_operator", "not contains");
        none.put("sub_variable_condition", Map.of("logical_operator", "and", "conditions", List.of(
                Map.of("key", "type", "comparison_operator", "is", "value", "video"))));
        assertEquals("yes", run(node(List.of(none), "and"), files).edgeSourceHandle());
        Map<String, Object> noSub = new HashMap<>(cond("contains", "x"));
        noSub.put("varType", "array[file]");
        assertThrows(NodeExecutionException.class, () -> run(node(List.of(noSub), "and"), files));
    }

    @Test
    void singleFileAttributesAreReachedBySelectorPath() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("variable_selector", List.of("n", "v", "extension"));
        c.put("comparison_operator", "is");
        c.put("value", ".pdf");
        assertEquals("yes", run(node(List.of(c), "and"), Map.of("extension", ".pdf", "transfer_method", "x")).edgeSourceHandle());
    }

    @Test
    void validationNamesNodeAndField() {
        GraphNode bad = new GraphNode("if9", "if-else", null, "", Map.of("cases", List.of(
                Map.of("case_id", "a", "logical_operator", "xor", "conditions", List.of(
                        Map.of("variable_selector", List.of("only"), "comparison_operator", "like"))),
                Map.of("case_id", "a", "conditions", List.of()))));
        NodeValidationException e = assertThrows(NodeValidationException.class, () -> new IfElseNodeType().validate(bad));
        List<String> p = e.problems();
        assertTrue(p.contains("node 'if9': cases[0].logical_operator must be 'and' or 'or'"), p.toString());
        assertTrue(p.contains("node 'if9': cases[0].conditions[0].variable_selector must be a list of at least two strings"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("node 'if9': cases[0].conditions[0].comparison_operator 'like' is not one of")), p.toString());
        assertTrue(p.contains("node 'if9': cases[1].case_id 'a' is used twice"), p.toString());
        assertThrows(NodeValidationException.class, () -> new IfElseNodeType().validate(
                new GraphNode("x", "if-else", null, "", Map.of())));
    }

    @Test
    void everyDifyOperatorIsKnown() {
        List<String> dify = new ArrayList<>(Arrays.asList("contains", "not contains", "start with", "end with", "is",
                "is not", "empty", "not empty", "in", "not in", "all of", "=", "≠", ">", "<", "≥", "≤", "null",
                "not null", "exists", "not exists"));
        assertEquals(new java.util.HashSet<>(dify), Operators.ALL);
    }

    @Test
    void containsOverTwoLargeVariablesIsLinear() {
        String text = "a".repeat(400_000);
        String part = "a".repeat(100_000) + "b";
        // String.contains: about 46 s; the guard catches a quadratic search, it is not a benchmark.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(1), () -> {
            assertEquals(false, Operators.apply("contains", text, part));
            assertEquals(true, Operators.apply("not contains", text, part));
            assertEquals(false, Operators.apply("all of", text, List.of("a", part)));
        });
    }
}
