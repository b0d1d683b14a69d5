package io.tributary.node.flow.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class ListOperatorNodeTypeTest {

    private static Map<String, Object> data(Map<String, Object> extra) {
        Map<String, Object> d = new HashMap<>();
        d.put("variable", List.of("src", "list"));
        d.put("filter_by", Map.of("enabled", false, "conditions", List.of()));
        d.put("order_by", Map.of("enabled", false, "key", "", "value", "asc"));
        d.put("limit", Map.of("enabled", false, "size", 10));
        d.putAll(extra);
        return d;
    }

    private static NodeResult run(Object list, Map<String, Object> extra) throws Exception {
        GraphNode node = new GraphNode("lo", "list-operator", null, "", data(extra));
        TestContext ctx = new TestContext(node, Map.of()).put("src", "list", list).put("src", "n", "2");
        return new ListOperatorNodeType().create(node).execute(ctx);
    }

    @SafeVarargs
    @SuppressWarnings("varargs")
    private static Map<String, Object> filter(Map<String, Object>... conditions) {
        return Map.of("filter_by", Map.of("enabled", true, "conditions", List.of(conditions)));
    }

    private static Map<String, Object> c(String key, String op, Object value) {
        return Map.of("key", key, "comparison_operator", op, "value", value);
    }

    @Test
    void filtersStrings() throws Exception {
        List<String> words = List.of("apple", "banana", "cherry", "", "avocado");
        assertEquals(List.of("apple", "avocado"), run(words, filter(c("", "start with", "a"))).outputs().get("result"));
        assertEquals(List.of("banana"), run(words, filter(c("", "contains", "nan"))).outputs().get("result"));
        assertEquals(List.of("apple", "cherry", "", "avocado"), run(words, filter(c("", "not contains", "nan"))).outputs().get("result"));
        assertEquals(List.of("cherry"), run(words, filter(c("", "is", "cherry"))).outputs().get("result"));
        assertEquals(List.of(""), run(words, filter(c("", "empty", ""))).outputs().get("result"));
        assertEquals(4, ((List<?>) run(words, filter(c("", "not empty", ""))).outputs().get("result")).size());
        assertEquals(List.of("banana", "cherry"), run(words, filter(c("", "in", List.of("banana", "cherry")))).outputs().get("result"));
        assertEquals(List.of("apple"), run(words, filter(c("", "end with", "le"))).outputs().get("result"));
        assertEquals(List.of("avocado"), run(words, filter(c("", "start with", "a"), c("", "end with", "o"))).outputs().get("result"));
    }

    @Test
    void filtersNumbersWithTemplates() throws Exception {
        List<Integer> nums = List.of(5, 1, 4, 2, 3);
        assertEquals(List.of(5, 4, 3), run(nums, filter(c("", ">", "{{#src.n#}}"))).outputs().get("result"));
        assertEquals(List.of(1, 2), run(nums, filter(c("", "≤", "2"))).outputs().get("result"));
        assertEquals(List.of(4), run(nums, filter(c("", "=", "4"))).outputs().get("result"));
        assertEquals(List.of(5, 1, 2, 3), run(nums, filter(c("", "≠", "4"))).outputs().get("result"));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(nums, filter(c("", ">", "x"))));
        assertTrue(e.getMessage().contains("needs a number"), e.getMessage());
    }

    @Test
    void filtersBooleansFilesAndObjects() throws Exception {
        assertEquals(List.of(true, true), run(List.of(true, false, true), filter(c("", "is", true))).outputs().get("result"));
        assertEquals(List.of(false), run(List.of(true, false, true), filter(c("", "is not", "true"))).outputs().get("result"));
        List<Map<String, Object>> files = List.of(
                Map.of("transfer_method", "local_file", "filename", "a.pdf", "extension", ".pdf", "size", 300, "type", "document"),
                Map.of("transfer_method", "remote_url", "filename", "b.png", "extension", ".png", "size", 100, "type", "image"));
        assertEquals(List.of(files.get(1)), run(files, filter(c("extension", "is", ".png"))).outputs().get("result"));
        assertEquals(List.of(files.get(0)), run(files, filter(c("size", ">", "200"))).outputs().get("result"));
        assertEquals(List.of(files.get(1)), run(files, filter(c("type", "in", List.of("image", "video")))).outputs().get("result"));
        assertEquals(List.of(files.get(0)), run(files, filter(c("name", "end with", ".pdf"))).outputs().get("result"));
        List<Map<String, Object>> objects = List.of(Map.of("n", 1, "s", "x"), Map.of("n", 5, "s", "y"));
        assertEquals(List.of(objects.get(1)), run(objects, filter(c("n", "≥", "2"))).outputs().get("result"));
        assertEquals(List.of(objects.get(0)), run(objects, filter(c("s", "is", "x"))).outputs().get("result"));
    }

    @Test
    void ordersLimitsAndReportsFirstAndLast() throws Exception {
        NodeResult r = run(List.of(3, 1, 2), Map.of("order_by", Map.of("enabled", true, "value", "desc"),
                "limit", Map.of("enabled", true, "size", 2)));
        assertEquals(List.of(3, 2), r.outputs().get("result"));
        assertEquals(3, r.outputs().get("first_record"));
        assertEquals(2, r.outputs().get("last_record"));
        assertEquals(List.of("a", "b", "c"), run(List.of("c", "a", "b"), Map.of("order_by",
                Map.of("enabled", true, "value", "asc"))).outputs().get("result"));
        List<Map<String, Object>> files = List.of(Map.of("transfer_method", "x", "filename", "b", "size", 2),
                Map.of("transfer_method", "x", "filename", "a", "size", 9));
        assertEquals(List.of(files.get(1), files.get(0)), run(files, Map.of("order_by",
                Map.of("enabled", true, "key", "name", "value", "asc"))).outputs().get("result"));
        assertEquals(List.of(files.get(1), files.get(0)), run(files, Map.of("order_by",
                Map.of("enabled", true, "key", "size", "value", "desc"))).outputs().get("result"));
        assertEquals(List.of(1, 2, 3), run(List.of(1, 2, 3), Map.of("limit", Map.of("enabled", true, "size", -1)))
                .outputs().get("result"));
        assertEquals(List.of(), run(List.of(1, 2, 3), Map.of("limit", Map.of("enabled", true, "size", 0)))
                .outputs().get("result"));
    }

    @Test
    void extractsOneItemByOneBasedSerial() throws Exception {
        NodeResult r = run(List.of("a", "b", "c"), Map.of("extract_by", Map.of("enabled", true, "serial", "{{#src.n#}}")));
        assertEquals(List.of("b"), r.outputs().get("result"));
        assertEquals("b", r.outputs().get("first_record"));
        assertTrue(assertThrows(NodeExecutionException.class, () -> run(List.of("a"), Map.of("extract_by",
                Map.of("enabled", true, "serial", "0")))).getMessage().contains("must be >= 1"));
        assertTrue(assertThrows(NodeExecutionException.class, () -> run(List.of("a"), Map.of("extract_by",
                Map.of("enabled", true, "serial", "3")))).getMessage().contains("must be <= 1"));
    }

    @Test
    void combinesFilterExtractOrderAndLimitInDifyOrder() throws Exception {
        Map<String, Object> all = new HashMap<>(filter(c("", ">", "1")));
        all.put("order_by", Map.of("enabled", true, "value", "desc"));
        all.put("limit", Map.of("enabled", true, "size", 2));
        assertEquals(List.of(9, 7), run(List.of(1, 7, 3, 9, 0), all).outputs().get("result"));
        // filter [7, 3, 9] -> extract the 2nd -> [3], before ordering (Dify's order)
        all.put("extract_by", Map.of("enabled", true, "serial", "2"));
        assertEquals(List.of(3), run(List.of(1, 7, 3, 9, 0), all).outputs().get("result"));
    }

    @Test
    void emptyNullMissingAndWrongTypes() throws Exception {
        NodeResult empty = run(List.of(), filter(c("", "is", "x")));
        assertEquals(List.of(), empty.outputs().get("result"));
        assertNull(empty.outputs().get("first_record"));
        assertNull(empty.outputs().get("last_record"));
        assertEquals(List.of(), run(null, Map.of()).outputs().get("result"));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("text", Map.of()));
        assertTrue(e.getMessage().contains("is not an array, actual type: string"), e.getMessage());
        GraphNode node = new GraphNode("lo", "list-operator", null, "", data(Map.of("variable", List.of("no", "pe"))));
        assertThrows(NodeExecutionException.class,
                () -> new ListOperatorNodeType().create(node).execute(new TestContext(node, Map.of())));
    }

    @Test
    void validationNamesTheField() {
        GraphNode node = new GraphNode("lo", "list-operator", null, "", Map.of("variable", "x",
                "filter_by", Map.of("enabled", true, "conditions", List.of(Map.of("comparison_operator", "like"))),
                "order_by", Map.of("enabled", true, "value", "up"), "limit", Map.of("enabled", true, "size", -5)));
        assertEquals(List.of("node 'lo': 'variable' must be a list of at least two strings",
                "node 'lo': filter_by.conditions[0].comparison_operator 'like' is not supported",
                "node 'lo': order_by.value must be 'asc' or 'desc'",
                "node 'lo': limit.size must be -1 (no limit) or more"),
                assertThrows(NodeValidationException.class, () -> new ListOperatorNodeType().validate(node)).problems());
    }
}
