package io.tributary.api.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;

/** The node-data reader: typed reads, defaults, and problems that name the node and the field. */
class NodeDataTest {
    enum Mode {
        PARAGRAPH, FULL_DOC;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Variables over a fixed map of selectors; templates render each reference as its value. */
    private static final Variables VARS = new Variables() {
        private final Map<List<String>, Object> values = Map.of(List.of("rag", "shared", "url"), "https://x",
                List.of("n1", "file"), Map.of("id", "f-1"));

        @Override
        public Object get(List<String> selector) {
            return values.get(selector);
        }

        @Override
        public boolean contains(List<String> selector) {
            return values.containsKey(selector);
        }

        @Override
        public String render(String template) {
            return NodeData.REFERENCE.matcher(template).replaceAll(m -> String.valueOf(
                    values.get(List.of(m.group(1).split("\\.")))));
        }
    };

    private static NodeData of(Map<String, Object> data) {
        return NodeData.of(new GraphNode("n7", "x", "1", "X", data));
    }

    @Test
    void readsScalarsWithDefaults() throws NodeValidationException {
        NodeData d = of(Map.of("name", " Doc ", "blank", "  ", "max", 512.0, "text_max", "64", "on", "yes",
                "off", 0));
        assertEquals(" Doc ", d.string("name"));
        assertEquals("Doc", d.text("name"));
        assertNull(d.text("blank"));
        assertEquals("dflt", d.string("missing", "dflt"));
        assertEquals(512, d.integer("max", 1));
        assertEquals(64, d.integer("text_max", 1), "integers may arrive as text from templates");
        assertEquals(7, d.integer("missing", 7));
        assertTrue(d.bool("on", false));
        assertFalse(d.bool("off", true));
        assertTrue(d.bool("missing", true));
        d.throwIfInvalid();
    }

    @Test
    void everyWrongValueIsAProblemNamingTheNodeAndTheField() {
        NodeData d = of(Map.of("name", 3, "max", "lots", "half", 1.5, "flag", "maybe", "mode", "sideways",
                "selector", List.of("only"), "template", List.of(), "settings", "none", "items", Map.of()));
        assertNull(d.string("name"));
        assertEquals(10, d.integer("max", 10));
        assertNull(d.integer("half"));
        assertTrue(d.bool("flag", true));
        assertNull(d.enumValue("mode", Mode.class, Mode::wire));
        assertNull(d.selector("selector"));
        assertNull(d.template("template"));
        assertTrue(d.object("settings").map().isEmpty());
        assertEquals(List.of(), d.list("items"));
        assertNull(d.requiredText("title"));
        assertNull(d.requiredEnum("kind", Mode.class, Mode::wire));
        assertNull(d.requiredSelector("input"));

        NodeValidationException e = assertThrows(NodeValidationException.class, d::throwIfInvalid);
        assertEquals(List.of(
                "node 'n7': 'name' must be text",
                "node 'n7': 'max' must be an integer, got 'lots'",
                "node 'n7': 'half' must be an integer, got '1.5'",
                "node 'n7': 'flag' must be true or false, got 'maybe'",
                "node 'n7': 'mode' 'sideways' is not one of paragraph, full_doc",
                "node 'n7': 'selector' must be a variable selector (a list of at least two strings)",
                "node 'n7': 'template' must be a template (text with {{#node.var#}} references)",
                "node 'n7': 'settings' must be an object",
                "node 'n7': 'items' must be a list",
                "node 'n7': 'title' is required",
                "node 'n7': 'kind' is required (paragraph or full_doc)",
                "node 'n7': 'input' must be a variable selector (a list of at least two strings)"), e.problems());
    }

    @Test
    void aFieldWithAWrongValueIsNotAlsoReportedMissing() {
        NodeData d = of(Map.of("mode", 4));
        assertNull(d.requiredEnum("mode", Mode.class, Mode::wire));
        assertEquals(List.of("'mode' must be text"), d.problems());
    }

    @Test
    void readsEnumsSelectorsAndTemplates() throws NodeValidationException {
        NodeData d = of(Map.of("mode", "full_doc", "selector", List.of("n1", "file"),
                "template", "Read {{#rag.shared.url#}} and {{#n1.file#}}"));
        assertEquals(Mode.FULL_DOC, d.requiredEnum("mode", Mode.class, Mode::wire));
        assertEquals(List.of("n1", "file"), d.requiredSelector("selector"));
        String template = d.template("template");
        assertEquals(List.of(List.of("rag", "shared", "url"), List.of("n1", "file")), NodeData.references(template));
        assertNull(NodeData.soleReference(template));
        assertEquals(List.of("n1", "file"), NodeData.soleReference(" {{#n1.file#}} "));
        d.throwIfInvalid();
    }

    @Test
    void nestedObjectsAndListsNameTheirPath() {
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("name", 5);
        NodeData d = of(Map.of("model", Map.of("provider", "acme", "completion_params", Map.of("temperature", "hot")),
                "items", List.of(Map.of("name", "a"), second, "x"), "tags", List.of("a", 2)));
        NodeData model = d.object("model");
        assertEquals("acme", model.string("provider"));
        assertEquals(1, model.object("completion_params").integer("temperature", 1));
        List<NodeData> items = d.objects("items");
        assertEquals(2, items.size());
        assertEquals("a", items.get(0).string("name"));
        assertNull(items.get(1).string("name"));
        assertEquals(List.of("a"), d.strings("tags"));
        assertEquals(List.of(
                "'model.completion_params.temperature' must be an integer, got 'hot'",
                "'items[2]' must be an object",
                "'items[1].name' must be text",
                "'tags[1]' must be text"), d.problems(), "nested readers share the node's problems");
    }

    @Test
    void difyParametersAreReadAndResolved() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", Map.of("type", "mixed", "value", "{{#rag.shared.url#}}/docs"));
        params.put("file", Map.of("type", "mixed", "value", "{{#n1.file#}}"));
        params.put("limit", Map.of("type", "constant", "value", 5));
        params.put("input", Map.of("type", "variable", "value", List.of("n1", "file")));
        params.put("plain", 3);
        params.put("bad_type", Map.of("type", "magic", "value", 1));
        params.put("bad_selector", Map.of("type", "variable", "value", "n1.file"));
        NodeData d = of(Map.of("tool_parameters", params));

        Map<String, NodeData.Parameter> read = d.parameters("tool_parameters", false);
        assertEquals(List.of("url", "file", "limit", "input"), List.copyOf(read.keySet()));
        assertEquals("https://x/docs", read.get("url").resolve(VARS));
        assertEquals(Map.of("id", "f-1"), read.get("file").resolveValue(VARS), "a sole reference yields the value");
        assertEquals("{id=f-1}", read.get("file").resolve(VARS), "rendered, it is text");
        assertEquals(5, read.get("limit").resolve(VARS));
        assertEquals(Map.of("id", "f-1"), read.get("input").resolve(VARS));
        assertTrue(read.get("limit").knownAtImport());
        assertFalse(read.get("url").knownAtImport());
        assertEquals(List.of(
                "'tool_parameters.plain' must be an object {type: mixed|variable|constant, value}",
                "'tool_parameters.bad_type.type' must be mixed, variable or constant, got 'magic'",
                "'tool_parameters.bad_selector.value' must be a selector (a list of at least two strings) for type"
                        + " variable"), d.problems());

        NodeData config = of(Map.of("tool_configurations", Map.of("plain", 3)));
        assertEquals(3, config.parameters("tool_configurations", true).get("plain").resolve(VARS),
                "where plain values are allowed they are constants");
        assertTrue(config.valid());
    }
}
