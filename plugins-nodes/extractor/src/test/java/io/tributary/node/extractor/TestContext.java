package io.tributary.node.extractor;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeLog;
import io.tributary.api.node.Variables;

/** A minimal context over a map of {@code node_id -> {name -> value}}, for unit tests. */
final class TestContext implements NodeContext, Variables, NodeLog {
    private final Map<String, Map<String, Object>> pool = new HashMap<>();
    private final GraphNode node;
    Instant deadline = Instant.MAX;

    TestContext(GraphNode node) {
        this.node = node;
    }

    TestContext put(String nodeId, String name, Object value) {
        pool.computeIfAbsent(nodeId, k -> new HashMap<>()).put(name, value);
        return this;
    }

    @Override public String runId() { return "run-1"; }
    @Override public String nodeExecutionId() { return "exec-1"; }
    @Override public GraphNode node() { return node; }
    @Override public Map<String, Object> runInputs() { return Map.of(); }
    @Override public Variables variables() { return this; }
    @Override public void streamChunk(List<String> selector, String chunk, boolean last) { }
    @Override public boolean isCancelled() { return false; }
    @Override public Instant deadline() { return deadline; }
    @Override public NodeLog log() { return this; }

    @Override
    public Object get(List<String> selector) {
        Map<String, Object> vars = pool.get(selector.get(0));
        return vars == null ? null : vars.get(selector.get(1));
    }

    @Override
    public boolean contains(List<String> selector) {
        return get(selector) != null;
    }

    @Override public String render(String template) { return template; }
    @Override public void debug(String message, Object... args) { }
    @Override public void info(String message, Object... args) { }
    @Override public void warn(String message, Object... args) { }
    @Override public void error(String message, Object... args) { }
}
