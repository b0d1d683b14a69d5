package io.tributary.node.flow;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeLog;
import io.tributary.api.node.Variables;

/**
 * A minimal context over a map of {@code node_id -> {name -> value}}, for unit tests. Selectors longer than
 * two index into objects; {@link #render} replaces Dify references like the engine does.
 */
public final class TestContext implements NodeContext, Variables, NodeLog {
    public final Map<String, Map<String, Object>> pool = new HashMap<>();
    private final GraphNode node;
    private final Map<String, Object> inputs;

    public TestContext(GraphNode node, Map<String, Object> inputs) {
        this.node = node;
        this.inputs = inputs;
    }

    /** Puts a variable {@code [nodeId, name]}; returns this. */
    public TestContext put(String nodeId, String name, Object value) {
        pool.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    @Override public String runId() { return "run-1"; }
    @Override public String nodeExecutionId() { return "exec-1"; }
    @Override public GraphNode node() { return node; }
    @Override public Map<String, Object> runInputs() { return inputs; }
    @Override public Variables variables() { return this; }
    @Override public void streamChunk(List<String> selector, String chunk, boolean last) { }
    @Override public boolean isCancelled() { return false; }
    @Override public Instant deadline() { return Instant.MAX; }
    @Override public NodeLog log() { return this; }

    @Override
    public Object get(List<String> selector) {
        Map<String, Object> vars = pool.get(selector.get(0));
        Object v = vars == null ? null : vars.get(selector.get(1));
        for (int i = 2; i < selector.size() && v != null; i++) {
            v = v instanceof Map<?, ?> m ? m.get(selector.get(i)) : null;
        }
        return v;
    }

    @Override
    public boolean contains(List<String> selector) {
        Map<String, Object> vars = pool.get(selector.get(0));
        return vars != null && vars.containsKey(selector.get(1));
    }

    @Override
    public String render(String template) {
        Matcher m = NodeData.REFERENCE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = get(List.of(m.group(1).split("\\.")));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : String.valueOf(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override public void debug(String message, Object... args) { }
    @Override public void info(String message, Object... args) { }
    @Override public void warn(String message, Object... args) { }
    @Override public void error(String message, Object... args) { }
}
