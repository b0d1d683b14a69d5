package io.tributary.node.flow.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.TestContext;

class TemplateTransformNodeTypeTest {
    private static TemplateTransformNodeType type;

    @BeforeAll
    static void setUp() {
        type = new TemplateTransformNodeType(400_000);
    }

    private static String render(String template, Map<String, Object> vars) throws Exception {
        List<Map<String, Object>> bindings = vars.keySet().stream()
                .map(k -> Map.<String, Object>of("variable", k, "value_selector", List.of("src", k))).toList();
        GraphNode node = new GraphNode("tt", "template-transform", null, "", Map.of("template", template,
                "variables", bindings));
        TestContext ctx = new TestContext(node, Map.of());
        vars.forEach((k, v) -> ctx.put("src", k, v));
        return (String) type.create(node).execute(ctx).outputs().get("output");
    }

    @Test
    void substitutesVariables() throws Exception {
        assertEquals("Hello Ada!", render("Hello {{ name }}!", Map.of("name", "Ada")));
        assertEquals("Hello !", render("Hello {{ missing }}!", Map.of()));
    }

    @Test
    void loopsWithLoopVariables() throws Exception {
        assertEquals("1:a,2:b,3:c", render("{% for x in items %}{{ loop.index }}:{{ x }}{% if not loop.last %},{% endif %}{% endfor %}",
                Map.of("items", List.of("a", "b", "c"))));
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("ann", 3);
        scores.put("bob", 5);
        assertEquals("ann=3;bob=5;", render("{% for k, v in scores.items() %}{{ k }}={{ v }};{% endfor %}",
                Map.of("scores", scores)));
        assertEquals("ann bob ", render("{% for k in scores %}{{ k }} {% endfor %}", Map.of("scores", scores)));
        assertEquals("{'ann': 3, 'bob': 5} ['a', 'b']", render("{{ scores }} {{ xs }}",
                Map.of("scores", scores, "xs", List.of("a", "b"))), "lists and dicts print like Python");
    }

    @Test
    void filters() throws Exception {
        assertEquals("HELLO", render("{{ s | upper }}", Map.of("s", "hello")));
        assertEquals("a, b, c", render("{{ xs | join(', ') }}", Map.of("xs", List.of("a", "b", "c"))));
        assertEquals("3", render("{{ xs | length }}", Map.of("xs", List.of(1, 2, 3))));
        assertEquals("fallback", render("{{ missing | default('fallback') }}", Map.of()));
        assertEquals("Title Case", render("{{ s | title }}", Map.of("s", "title case")));
        assertEquals("c b a", render("{{ xs | reverse | join(' ') }}", Map.of("xs", List.of("a", "b", "c"))));
        assertEquals("6", render("{{ xs | sum }}", Map.of("xs", List.of(1, 2, 3))));
        assertEquals("  x", render("{{ 'x' | indent(2, true) }}", Map.of()));
        assertEquals("a-b", render("{{ s | replace(' ', '-') }}", Map.of("s", "a b")));
    }

    @Test
    void conditionalsAndExpressions() throws Exception {
        String t = "{% if n > 10 %}big{% elif n > 5 %}medium{% else %}small{% endif %}";
        assertEquals("big", render(t, Map.of("n", 11)));
        assertEquals("medium", render(t, Map.of("n", 6)));
        assertEquals("small", render(t, Map.of("n", 1)));
        assertEquals("7", render("{{ a + b * 2 }}", Map.of("a", 1, "b", 3)));
        assertEquals("yes", render("{{ 'yes' if flag else 'no' }}", Map.of("flag", true)));
        assertEquals("Ada", render("{{ user.name }}", Map.of("user", Map.of("name", "Ada"))));
        assertEquals("Ada", render("{{ user['name'] }}", Map.of("user", Map.of("name", "Ada"))));
        assertEquals("x=1", render("{% set x = 1 %}x={{ x }}", Map.of()));
    }

    @Test
    void whitespaceControlAndTrailingNewline() throws Exception {
        assertEquals("a\nb", render("{% for x in xs -%}\n{{ x }}\n{%- if not loop.last %}\n{% endif %}{%- endfor %}\n",
                Map.of("xs", List.of("a", "b"))));
        assertEquals("line", render("line\n", Map.of()), "Jinja2 drops the template's final newline");
    }

    @Test
    void outputLongerThanTheLimitFails() throws Exception {
        TemplateTransformNodeType small = new TemplateTransformNodeType(10);
        GraphNode node = new GraphNode("tt", "template-transform", null, "", Map.of("template",
                "{% for i in range(20) %}x{% endfor %}", "variables", List.of()));
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> small.create(node).execute(new TestContext(node, Map.of())));
        assertTrue(e.getMessage().contains("Output length exceeds the limit of 10 characters"), e.getMessage());
        GraphNode ok = new GraphNode("tt", "template-transform", null, "", Map.of("template",
                "{% for i in range(10) %}x{% endfor %}", "variables", List.of()));
        assertEquals("xxxxxxxxxx", small.create(ok).execute(new TestContext(ok, Map.of())).outputs().get("output"));
    }

    @Test
    void templateErrorsFailTheNode() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> render("{% for x in %}", Map.of()));
        assertTrue(e.getMessage().startsWith("template error"), e.getMessage());
    }

    @Test
    void validationNamesTheField() {
        GraphNode node = new GraphNode("tt", "template-transform", null, "", Map.of("variables", List.of(
                Map.of("variable", "1bad", "value_selector", List.of("a")))));
        assertEquals(List.of("node 'tt': 'template' is required (Jinja2 text)",
                "node 'tt': variables[0].variable must be a name usable in the template",
                "node 'tt': variables[0].value_selector must be a list of at least two strings"),
                assertThrows(NodeValidationException.class, () -> type.validate(node)).problems());
    }
}
