package io.tributary.node.flow.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.TestContext;

class AssignerNodeTypeTest {

    private static TestContext conversation(GraphNode node) {
        return new TestContext(node, Map.of()).put("conversation", "count", 2).put("conversation", "name", "old")
                .put("conversation", "tags", List.of("a", "b")).put("conversation", "flag", true)
                .put("conversation", "profile", Map.of("k", 1)).put("conversation", "ratio", 1.5)
                .put("llm", "text", "new").put("llm", "list", List.of("x", "y")).put("llm", "none", null);
    }

    private static Map<String, Object> item(String target, String inputType, String op, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put("variable_selector", List.of("conversation", target));
        m.put("input_type", inputType);
        m.put("operation", op);
        m.put("value", value);
        return m;
    }

    @SafeVarargs
    @SuppressWarnings("varargs")
    private static NodeResult v2(Map<String, Object>... items) throws Exception {
        GraphNode node = new GraphNode("as", "assigner", "2", "", Map.of("version", "2", "items", List.of(items)));
        return new AssignerV2NodeType().create(node).execute(conversation(node));
    }

    private static Object v2Value(String target, String inputType, String op, Object value) throws Exception {
        return v2(item(target, inputType, op, value)).outputs().get("conversation." + target);
    }

    @Test
    void v2Operations() throws Exception {
        assertEquals("new", v2Value("name", "variable", "over-write", List.of("llm", "text")));
        assertEquals("const", v2Value("name", "constant", "over-write", "const"));
        assertEquals("set", v2Value("name", "constant", "set", "set"));
        assertEquals("", v2Value("name", "constant", "clear", null));
        assertEquals(0L, v2Value("count", "constant", "clear", null));
        assertEquals(List.of(), v2Value("tags", "constant", "clear", null));
        assertEquals(false, v2Value("flag", "constant", "clear", null));
        assertEquals(Map.of(), v2Value("profile", "constant", "clear", null));
        assertEquals(List.of("a", "b", "new"), v2Value("tags", "variable", "append", List.of("llm", "text")));
        assertEquals(List.of("a", "b", "x", "y"), v2Value("tags", "variable", "extend", List.of("llm", "list")));
        assertEquals(List.of("b"), v2Value("tags", "constant", "remove-first", null));
        assertEquals(List.of("a"), v2Value("tags", "constant", "remove-last", null));
        assertEquals(5L, v2Value("count", "constant", "+=", 3));
        assertEquals(-1L, v2Value("count", "constant", "-=", 3));
        assertEquals(6L, v2Value("count", "constant", "*=", 3));
        assertEquals(0.5, v2Value("count", "constant", "/=", 4));
        assertEquals(2.0, v2Value("ratio", "constant", "+=", 0.5));
        assertEquals(false, v2Value("flag", "constant", "set", false));
        assertEquals(Map.of("a", 2), v2Value("profile", "constant", "set", "{\"a\": 2}"));
    }

    @Test
    void v2ReadsItsOwnEarlierWritesAndReportsUpdates() throws Exception {
        NodeResult r = v2(item("count", "constant", "+=", 1), item("count", "constant", "*=", 10),
                item("name", "variable", "over-write", List.of("llm", "text")));
        assertEquals(Map.of("conversation.count", 30L, "conversation.name", "new"), r.outputs());
        List<?> updated = (List<?>) r.processData().get("updated_variables");
        assertEquals(Map.of("name", "count", "selector", List.of("conversation", "count"), "value_type", "number",
                "new_value", 30L), updated.get(0));
    }

    @Test
    void v2SkipsANullVariableInputAndFailsOnBadInput() throws Exception {
        assertEquals(Map.of(), v2(item("name", "variable", "over-write", List.of("llm", "none"))).outputs());
        assertMessage("division by zero", () -> v2(item("count", "constant", "/=", 0)));
        assertMessage("operation '+=' is not supported for string", () -> v2(item("name", "constant", "+=", 1)));
        assertMessage("operation 'append' is not supported for string", () -> v2(item("name", "constant", "append", "x")));
        assertMessage("cannot be assigned to a variable of type number", () -> v2(item("count", "constant", "over-write", "x")));
        assertMessage("variable conversation.nope not found", () -> v2(item("nope", "constant", "clear", null)));
        assertMessage("variable llm.nope not found", () -> v2(item("name", "variable", "over-write", List.of("llm", "nope"))));
        assertMessage("is not valid JSON", () -> v2(item("profile", "constant", "set", "{oops")));
        assertMessage("node 'as': items[0]", () -> v2(item("count", "constant", "/=", 0)));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        String m = assertThrows(NodeExecutionException.class, e).getMessage();
        assertTrue(m.contains(part), m);
    }

    @Test
    void v2Validation() {
        GraphNode node = new GraphNode("as", "assigner", "2", "", Map.of("items", List.of(
                Map.of("variable_selector", List.of("conversation"), "input_type", "magic", "operation", "?="),
                Map.of("variable_selector", List.of("conversation", "c"), "input_type", "variable", "operation", "+=",
                        "value", List.of("a", "b")),
                Map.of("variable_selector", List.of("conversation", "c"), "input_type", "variable", "operation",
                        "over-write", "value", "a.b"))));
        List<String> p = assertThrows(NodeValidationException.class, () -> new AssignerV2NodeType().validate(node)).problems();
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.get(0).equals("node 'as': items[0].variable_selector must be a list of at least two strings"));
        assertTrue(p.get(1).equals("node 'as': items[0].input_type must be 'variable' or 'constant'"));
        assertTrue(p.get(2).startsWith("node 'as': items[0].operation must be one of"));
        assertTrue(p.get(3).equals("node 'as': items[1].operation '+=' takes a constant, not a variable"));
        assertTrue(p.get(4).startsWith("node 'as': items[2].value must be a variable selector"));
    }

    private static NodeResult v1(String mode, List<String> input, String target) throws Exception {
        Map<String, Object> d = new HashMap<>();
        d.put("assigned_variable_selector", List.of("conversation", target));
        d.put("write_mode", mode);
        d.put("input_variable_selector", input);
        GraphNode node = new GraphNode("as1", "assigner", "1", "", d);
        return new AssignerV1NodeType().create(node).execute(conversation(node));
    }

    @Test
    void v1WriteModes() throws Exception {
        assertEquals(Map.of("conversation.name", "new"), v1("over-write", List.of("llm", "text"), "name").outputs());
        assertEquals(Map.of("conversation.tags", List.of("a", "b", "new")), v1("append", List.of("llm", "text"), "tags").outputs());
        assertEquals(Map.of("conversation.count", 0L), v1("clear", null, "count").outputs());
        assertMessage("append mode requires an array variable", () -> v1("append", List.of("llm", "text"), "name"));
        assertMessage("input value llm.none not found", () -> v1("over-write", List.of("llm", "none"), "name"));
        assertMessage("assigned variable conversation.nope not found", () -> v1("clear", null, "nope"));
        GraphNode bad = new GraphNode("as1", "assigner", "1", "", Map.of("write_mode", "replace"));
        assertEquals(List.of("node 'as1': 'assigned_variable_selector' must be a list of at least two strings",
                "node 'as1': 'write_mode' must be one of " + AssignerV1NodeType.MODES,
                "node 'as1': 'input_variable_selector' must be a list of at least two strings"),
                assertThrows(NodeValidationException.class, () -> new AssignerV1NodeType().validate(bad)).problems());
    }
}
