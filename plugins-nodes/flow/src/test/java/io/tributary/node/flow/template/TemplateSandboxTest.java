package io.tributary.node.flow.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeLog;
import io.tributary.api.node.Variables;
import io.tributary.node.flow.TestContext;

/** The template sandbox: collection, output, time and memory limits, stopping a render, no resource loading. */
class TemplateSandboxTest {
    private static final String TRIPLE_LOOP = "{% for i in range(1000) %}{% for j in range(1000) %}"
            + "{% for k in range(1000) %}{{ probe.x }}{% endfor %}{% endfor %}{% endfor %}";

    private static GraphNode node(String template, List<String> names) {
        List<Map<String, Object>> bindings = names.stream()
                .map(k -> Map.<String, Object>of("variable", k, "value_selector", List.of("src", k))).toList();
        return new GraphNode("tt", "template-transform", null, "", Map.of("template", template,
                "variables", bindings));
    }

    private static String render(TemplateTransformNodeType type, String template, Map<String, Object> vars)
            throws Exception {
        GraphNode node = node(template, List.copyOf(vars.keySet()));
        TestContext ctx = new TestContext(node, Map.of());
        vars.forEach((k, v) -> ctx.put("src", k, v));
        return (String) type.create(node).execute(ctx).outputs().get("output");
    }

    private static NodeExecutionException failure(TemplateTransformNodeType type, String template) {
        return assertThrows(NodeExecutionException.class, () -> render(type, template, Map.of()));
    }

    @Test
    void theListDoublingBombFailsTheNodeAtTheCollectionLimitWithoutTakingTheHeap() {
        TemplateTransformNodeType type = new TemplateTransformNodeType(TemplateLimits.DEFAULTS);
        long before = new ThreadAllocation().current();
        NodeExecutionException e = failure(type,
                "{% set l=[1] %}{% for i in range(27) %}{% do l.extend(l) %}{% endfor %}{{ l|length }}");
        long allocated = new ThreadAllocation().current() - before;
        assertEquals(JinjaRenderer.LIMIT_ERROR, e.errorType());
        assertTrue(e.getMessage().contains("100000 items (template-transform max.collection.size)"), e.getMessage());
        // 2^27 elements would be 1.6 GB; the render stops at the first list over 100,000.
        assertTrue(before < 0 || allocated < TemplateLimits.DEFAULTS.maxRenderMemory(), "allocated " + allocated);
    }

    @Test
    void dictsAreBoundedToo() {
        TemplateTransformNodeType type = new TemplateTransformNodeType(
                new TemplateLimits(400_000, 100, Duration.ofSeconds(30), 256L << 20));
        NodeExecutionException e = failure(type,
                "{% set m={} %}{% for i in range(200) %}{% do m.update({i: i}) %}{% endfor %}{{ m|length }}");
        assertTrue(e.getMessage().contains("max.collection.size"), e.getMessage());
    }

    @Test
    void manyListsUnderTheCollectionLimitStopAtTheMemoryBudget() {
        TemplateTransformNodeType type = new TemplateTransformNodeType(
                new TemplateLimits(400_000, 100_000, Duration.ofSeconds(60), 32L << 20));
        NodeExecutionException e = failure(type, "{% set l=[1] %}{% for i in range(16) %}{% do l.extend(l) %}"
                + "{% endfor %}{% set all=[] %}{% for i in range(1000) %}{% for j in range(100) %}"
                + "{% do all.append(l + []) %}{% endfor %}{% endfor %}{{ all|length }}");
        assertEquals(JinjaRenderer.LIMIT_ERROR, e.errorType());
        assertTrue(e.getMessage().contains("32 MB of memory (template-transform max.render.memory.mb)"), e.getMessage());
    }

    @Test
    void theMemoryBudgetHoldsOnAVirtualThreadAsTheEngineRunsNodes() throws Exception {
        TemplateTransformNodeType type = new TemplateTransformNodeType(
                new TemplateLimits(400_000, 100_000, Duration.ofSeconds(60), 32L << 20));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread.ofVirtual().start(() -> thrown.set(assertThrows(NodeExecutionException.class, () -> render(type,
                "{% set l=[1] %}{% for i in range(16) %}{% do l.extend(l) %}{% endfor %}{% set all=[] %}"
                        + "{% for i in range(1000) %}{% for j in range(100) %}{% do all.append(l + []) %}{% endfor %}"
                        + "{% endfor %}{{ all|length }}", Map.of())))).join();
        assertTrue(thrown.get().getMessage().contains("max.render.memory.mb"), thrown.get().getMessage());
    }

    @Test
    void aRenderLongerThanTheTimeLimitFailsNamingTheLimit() {
        TemplateTransformNodeType type = new TemplateTransformNodeType(
                new TemplateLimits(400_000, 100_000, Duration.ofMillis(200), 256L << 20));
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> render(type, TRIPLE_LOOP, Map.of("probe", Map.of("x", ""))));
        assertEquals(JinjaRenderer.LIMIT_ERROR, e.errorType());
        assertTrue(e.getMessage().contains("200 ms (template-transform max.render.time.ms)"), e.getMessage());
    }

    @Test
    void outputOverTheLimitFails() {
        TemplateTransformNodeType type = new TemplateTransformNodeType(
                TemplateLimits.DEFAULTS.withMaxOutputLength(1_000));
        NodeExecutionException e = failure(type, "{% for i in range(1000) %}xx{% endfor %}");
        assertEquals("OutputLengthExceededError", e.errorType());
        assertTrue(e.getMessage().contains("max.output.length"), e.getMessage());
        NodeExecutionException built = failure(type,
                "{% set s='x' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s|length }}");
        assertEquals("OutputLengthExceededError", built.errorType(), "strings the template builds are bounded too");
    }

    @Test
    void anInterruptEndsALongRenderWithinASecond() throws Exception {
        stopsALongRender(true);
    }

    @Test
    void aCancelledRunEndsALongRenderWithinASecond() throws Exception {
        stopsALongRender(false);
    }

    @Test
    void anInterruptedVirtualNodeThreadEndsItsRender() throws Exception {
        stopsALongRender(true, Thread.ofVirtual());
    }

    /** Starts the triple loop, waits until it is rendering, then stops it as the engine does. */
    private static void stopsALongRender(boolean interrupt) throws Exception {
        stopsALongRender(interrupt, Thread.ofPlatform());
    }

    private static void stopsALongRender(boolean interrupt, Thread.Builder threads) throws Exception {
        TemplateTransformNodeType type = new TemplateTransformNodeType(TemplateLimits.DEFAULTS
                .withMaxOutputLength(400_000));
        CountDownLatch rendering = new CountDownLatch(1);
        Map<String, Object> probe = new LinkedHashMap<>() {
            @Override
            public Object get(Object key) {
                rendering.countDown();
                return "";
            }
        };
        GraphNode node = node(TRIPLE_LOOP, List.of("probe"));
        TestContext vars = new TestContext(node, Map.of()).put("src", "probe", probe);
        AtomicBoolean cancelled = new AtomicBoolean();
        NodeContext ctx = new Cancellable(vars, cancelled);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = threads.start(() -> {
            try {
                type.create(node).execute(ctx);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        assertTrue(rendering.await(30, TimeUnit.SECONDS), "the render started");
        cancelled.set(true);
        if (interrupt) {
            t.interrupt();
        }
        t.join(1_000);
        assertFalse(t.isAlive(), "the render ended within a second of the stop");
        assertInstanceOf(InterruptedException.class, thrown.get());
    }

    @Test
    void templatesCannotIncludeImportOrExtendResources() throws Exception {
        TemplateTransformNodeType type = new TemplateTransformNodeType(TemplateLimits.DEFAULTS);
        for (String t : List.of("{% include 'META-INF/MANIFEST.MF' %}",
                "{% import 'META-INF/MANIFEST.MF' as m %}{{ m }}",
                "{% from 'META-INF/MANIFEST.MF' import x %}{{ x }}",
                "{% extends 'META-INF/MANIFEST.MF' %}")) {
            NodeExecutionException e = failure(type, t);
            assertEquals("TemplateTransformError", e.errorType(), t);
            assertFalse(e.getMessage().contains("Manifest-Version"), e.getMessage());
        }
        assertEquals("ok", render(type, "ok", Map.of()), "plain templates still render");
    }

    @Test
    void ordinaryTemplatesOverLargeInputsStayWithinTheLimits() throws Exception {
        TemplateTransformNodeType type = new TemplateTransformNodeType(TemplateLimits.DEFAULTS);
        List<Map<String, Object>> rows = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> Map.<String, Object>of("name", "n" + i, "value", i)).toList();
        String out = render(type, "{% for r in rows %}{{ r.name }}={{ r.value }};{% endfor %}", Map.of("rows", rows));
        assertTrue(out.startsWith("n0=0;n1=1;") && out.endsWith("n1999=1999;"), out.substring(0, 20));
    }

    /** A test context whose {@link #isCancelled()} follows a flag. */
    private record Cancellable(TestContext delegate, AtomicBoolean cancelled) implements NodeContext {
        @Override public String runId() { return delegate.runId(); }
        @Override public String nodeExecutionId() { return delegate.nodeExecutionId(); }
        @Override public GraphNode node() { return delegate.node(); }
        @Override public Map<String, Object> runInputs() { return delegate.runInputs(); }
        @Override public Variables variables() { return delegate.variables(); }
        @Override public void streamChunk(List<String> selector, String chunk, boolean last) { }
        @Override public boolean isCancelled() { return cancelled.get(); }
        @Override public Instant deadline() { return Instant.MAX; }
        @Override public NodeLog log() { return delegate.log(); }
    }
}
