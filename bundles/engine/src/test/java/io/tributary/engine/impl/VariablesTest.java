package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.engine.EnvironmentVariable;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunEvent;
import io.tributary.api.model.Graph;
import io.tributary.engine.impl.variables.Json;
import io.tributary.engine.impl.variables.Template;
import io.tributary.engine.impl.variables.ValueSize;
import io.tributary.engine.impl.variables.VariablePool;

class VariablesTest extends EngineFixture {

    private static VariablePool pool() {
        VariablePool p = new VariablePool(null);
        p.put("n1", Map.of("obj", Map.of("a", Map.of("b", "deep"), "list", List.of("x", "y")), "num", 3,
                "f", 1.0, "flag", true, "text", "hi"));
        p.put("sys", Map.of("user_id", "u1"));
        return p;
    }

    @Test
    void selectorsIndexIntoObjectsAndLists() {
        VariablePool p = pool();
        assertEquals("deep", p.get(List.of("n1", "obj", "a", "b")));
        assertEquals("y", p.get(List.of("n1", "obj", "list", "1")));
        assertNull(p.get(List.of("n1", "obj", "list", "7")));
        assertNull(p.get(List.of("n1", "obj", "missing", "b")));
        assertNull(p.get(List.of("n1")));
        assertTrue(p.contains(List.of("n1", "obj", "a")));
        assertFalse(p.contains(List.of("n1", "obj", "zz")));
        assertFalse(p.contains(List.of("nope", "x")));
        VariablePool child = new VariablePool(p);
        child.put("it", Map.of("item", "I"));
        assertEquals("I", child.get(List.of("it", "item")));
        assertEquals("u1", child.get(List.of("sys", "user_id")));
        assertNull(p.get(List.of("it", "item")));
    }

    @Test
    void templatesRenderLikeDify() {
        VariablePool p = pool();
        assertEquals("hi u1 3 1.0 true deep", p.render("{{#n1.text#}} {{#sys.user_id#}} {{#n1.num#}} {{#n1.f#}} "
                + "{{#n1.flag#}} {{#n1.obj.a.b#}}"));
        assertEquals("{\"b\": \"deep\"} [\"x\", \"y\"]", p.render("{{#n1.obj.a#}} {{#n1.obj.list#}}"));
        assertEquals("[] missing", p.render("[{{#n1.nothing#}}] missing"));
        // outside Dify's limits: stays literal
        assertEquals("{{#n1#}} {{#n1.1bad#}} {{# n1.text #}}", p.render("{{#n1#}} {{#n1.1bad#}} {{# n1.text #}}"));
        String longId = "a".repeat(51);
        assertEquals("{{#" + longId + ".x#}}", p.render("{{#" + longId + ".x#}}"));
        String eleven = "{{#n1" + ".s".repeat(11) + "#}}";
        assertEquals(eleven, p.render(eleven));
        assertEquals(3, Template.parse("a {{#n1.text#}} b").parts().size());
    }

    @Test
    void jsonTextAndParser() {
        assertEquals("{\"a\": [1, 2.5, null, true], \"s\": \"q\\\"\\n\"}",
                Json.json(map("a", java.util.Arrays.asList(1, 2.5, null, true), "s", "q\"\n")));
        assertEquals(Map.of("a", List.of(1L, 2.5, "x"), "b", Map.of()), Json.parse(" {\"a\":[1,2.5,\"x\"],\"b\":{}} "));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] trailing"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) Json.parse("[1]")).add(2));
    }

    /** What Python's json.dumps(value, ensure_ascii=False) writes, which Dify's templates show. */
    @Test
    void jsonTextIsPythonsText() {
        assertEquals("{}", Json.json(Map.of()));
        assertEquals("[]", Json.json(List.of()));
        assertEquals("[1.0, 123456789.0, 0.5, 1.0E16, NaN, -Infinity]", Json.json(List.of(1.0, 123456789.0, 0.5, 1e16,
                Double.NaN, Double.NEGATIVE_INFINITY)));
        assertEquals("[12345678901234567890, 0.000001]", Json.json(List.of(new java.math.BigInteger(
                "12345678901234567890"), new java.math.BigDecimal("1E-6"))));
        assertEquals("\"é € 𝄞 \\u001f \\b\\t\\n\\f\\r /\"", Json.json("é € 𝄞 \u001f \b\t\n\f\r /"));
        assertEquals("{\"k\": {\"n\": [1, {\"x\": \"y\"}]}}", Json.json(map("k", map("n", List.of(1, map("x", "y"))))));
        assertEquals("[\"Point[x=1]\"]", Json.json(List.of(new Point(1))), "other objects as their text");
        assertEquals("text", Json.text("text"));
        assertEquals("", Json.text(null));
        assertEquals("3", Json.text(3));
    }

    record Point(int x) {
    }

    @Test
    void jsonSizes() {
        assertEquals(7, ValueSize.of("é é", 1000)); // 5 bytes + quotes
        assertTrue(ValueSize.of("x".repeat(500), 100) > 100);
    }

    @Test
    void secretEnvironmentValuesNeverAppearInEvents() throws Exception {
        Graph g = new Graphs().node("s", "start")
                .node("use", "echo", "outputs", map("header", "Bearer {{#env.api_key#}}", "plain", "{{#env.region#}}"))
                .node("f", "fail", "message", "auth failed for key {{#env.api_key#}}", "error_strategy", "fail-branch")
                .node("ans", "answer", "answer", "{{#use.header#}}")
                .edge("s", "use").edge("use", "f").edge("f", "fail-branch", "ans").build();
        Recorder rec = run(g, r -> r.environment("api_key", "sk-SECRET-123", true)
                .environment("region", "eu", false).input("echo", "sk-SECRET-123"));
        for (RunEvent e : rec.events) {
            assertFalse(e.toString().contains("sk-SECRET-123"), () -> "secret leaked in " + e);
        }
        NodeFinished use = rec.finished("use");
        assertEquals("Bearer " + EnvironmentVariable.MASK, use.outputs().get("header"));
        assertEquals("eu", use.outputs().get("plain"));
        assertEquals("auth failed for key ******", rec.finished("f").error());
        assertEquals("Bearer ******", rec.of(NodeStreamChunk.class).get(0).chunk());
    }
}
