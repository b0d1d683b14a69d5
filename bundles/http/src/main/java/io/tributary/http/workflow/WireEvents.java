package io.tributary.http.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.event.ContainerNext;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeRetry;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;
import io.tributary.api.model.DifyFile;
import io.tributary.api.model.ValueTruncation;

/**
 * Engine events as Dify's stream events ({@code {"event", "task_id", "workflow_run_id", "data"}}). A container
 * node ({@code iteration}, {@code loop}) gets both its {@code node_*} events and the matching
 * {@code iteration_started}/{@code _completed} ({@code loop_*}) events. Times are epoch seconds, durations
 * seconds as decimals, as Dify sends them.
 */
public final class WireEvents {
    /** Longest a blocking request waits; the engine's own run-time limit ends runs well before. */
    public static final java.time.Duration BLOCKING_WAIT = java.time.Duration.ofMinutes(30);

    private final String workflowId;
    private final String user;
    private final ValueTruncation truncation;

    /**
     * Events of a workflow app run through the service API: values whole, {@code *_truncated} false (Dify's
     * {@code WorkflowResponseConverter} does not truncate for {@code InvokeFrom.SERVICE_API}).
     *
     * @param workflowId the published version run ({@code workflow_id})
     * @param user       the request's {@code user}, for {@code created_by}
     */
    public WireEvents(String workflowId, String user) {
        this(workflowId, user, false);
    }

    /**
     * @param truncate whether node events carry large {@code inputs}/{@code process_data}/{@code outputs}
     *                 truncated by {@link ValueTruncation#DIFY} with their {@code *_truncated} flags (as Dify does
     *                 for every invocation but the service API's app runs, e.g. knowledge pipeline runs)
     */
    public WireEvents(String workflowId, String user, boolean truncate) {
        this.workflowId = workflowId;
        this.user = user;
        this.truncation = truncate ? ValueTruncation.DIFY : null;
    }

    /** Puts {@code key} and {@code key_truncated}: the value truncated when this stream truncates. */
    private void putValue(Map<String, Object> d, String key, Map<String, Object> value) {
        ValueTruncation.Result r = truncation == null ? new ValueTruncation.Result(value, false)
                : truncation.truncate(value);
        d.put(key, r.value());
        d.put(key + "_truncated", r.truncated());
    }

    /** The stream events for one engine event: none, one, or two for containers. */
    public List<Map<String, Object>> map(RunEvent e) {
        List<Map<String, Object>> out = new ArrayList<>(2);
        switch (e) {
            case RunStarted s -> out.add(envelope("workflow_started", s, workflowStarted(s)));
            case NodeStarted s -> {
                out.add(envelope("node_started", s, nodeStarted(s)));
                if (isContainer(s.nodeType())) {
                    out.add(envelope(s.nodeType() + "_started", s, containerStarted(s)));
                }
            }
            case NodeRetry r -> out.add(envelope("node_retry", r, nodeRetry(r)));
            case NodeStreamChunk c -> out.add(envelope("text_chunk", c, textChunk(c)));
            case ContainerNext n -> out.add(envelope(n.nodeType() + "_next", n, containerNext(n)));
            case NodeFinished f -> {
                if (isContainer(f.nodeType())) {
                    out.add(envelope(f.nodeType() + "_completed", f, containerCompleted(f)));
                }
                out.add(envelope("node_finished", f, nodeFinished(f)));
            }
            case RunFinished f -> out.add(envelope("workflow_finished", f, workflowFinished(f, workflowId, user)));
            default -> {
                // logs and event types added later are not part of the wire format
            }
        }
        return out;
    }

    static boolean isContainer(String type) {
        return "iteration".equals(type) || "loop".equals(type);
    }

    private static Map<String, Object> envelope(String event, RunEvent e, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("task_id", e.runId());
        m.put("workflow_run_id", e.runId());
        m.put("data", data);
        return m;
    }

    private Map<String, Object> workflowStarted(RunStarted s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.runId());
        d.put("workflow_id", workflowId != null ? workflowId : s.workflowId());
        d.put("inputs", s.inputs());
        d.put("created_at", epoch(s.at()));
        d.put("reason", "initial");
        return d;
    }

    private Map<String, Object> nodeStarted(NodeStarted s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.executionId());
        d.put("node_id", s.nodeId());
        d.put("node_type", s.nodeType());
        d.put("title", s.title());
        d.put("index", s.index());
        d.put("predecessor_node_id", s.predecessorNodeId());
        putValue(d, "inputs", s.inputs());
        d.put("created_at", epoch(s.at()));
        d.put("extras", Map.of());
        d.put("iteration_id", s.iterationId());
        d.put("loop_id", s.loopId());
        return d;
    }

    private Map<String, Object> nodeFinished(NodeFinished f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", f.executionId());
        d.put("node_id", f.nodeId());
        d.put("node_type", f.nodeType());
        d.put("title", f.title());
        d.put("index", f.index());
        d.put("predecessor_node_id", f.predecessorNodeId());
        putValue(d, "inputs", f.inputs());
        putValue(d, "process_data", f.processData());
        putValue(d, "outputs", f.outputs());
        d.put("status", f.status().wireName());
        d.put("error", f.error());
        d.put("elapsed_time", seconds(f.elapsedMillis()));
        d.put("execution_metadata", f.metadata());
        d.put("created_at", epoch(f.startedAt()));
        d.put("finished_at", epoch(f.at()));
        d.put("files", DifyFile.in(f.outputs()));
        d.put("iteration_id", f.iterationId());
        d.put("loop_id", f.loopId());
        return d;
    }

    private Map<String, Object> nodeRetry(NodeRetry r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.executionId());
        d.put("node_id", r.nodeId());
        d.put("node_type", r.nodeType());
        d.put("title", r.title());
        d.put("index", r.index());
        d.put("predecessor_node_id", r.predecessorNodeId());
        putValue(d, "inputs", r.inputs());
        putValue(d, "process_data", r.processData());
        putValue(d, "outputs", r.outputs());
        d.put("status", "retry");
        d.put("error", r.error());
        d.put("elapsed_time", seconds(r.elapsedMillis()));
        d.put("execution_metadata", r.metadata());
        d.put("created_at", epoch(r.startedAt()));
        d.put("finished_at", epoch(r.at()));
        d.put("files", List.of());
        d.put("iteration_id", r.iterationId());
        d.put("loop_id", r.loopId());
        d.put("retry_index", r.retryIndex());
        return d;
    }

    private static Map<String, Object> textChunk(NodeStreamChunk c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("text", c.chunk());
        d.put("from_variable_selector", c.selector());
        return d;
    }

    private static Map<String, Object> containerStarted(NodeStarted s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.executionId());
        d.put("node_id", s.nodeId());
        d.put("node_type", s.nodeType());
        d.put("title", s.title());
        d.put("created_at", epoch(s.at()));
        d.put("extras", Map.of());
        d.put("metadata", Map.of());
        d.put("inputs", s.inputs());
        return d;
    }

    private static Map<String, Object> containerNext(ContainerNext n) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", n.executionId());
        d.put("node_id", n.nodeId());
        d.put("node_type", n.nodeType());
        d.put("title", n.title());
        d.put("index", n.index());
        d.put("created_at", epoch(n.at()));
        d.put("extras", Map.of());
        return d;
    }

    private static Map<String, Object> containerCompleted(NodeFinished f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", f.executionId());
        d.put("node_id", f.nodeId());
        d.put("node_type", f.nodeType());
        d.put("title", f.title());
        d.put("outputs", f.outputs());
        d.put("created_at", epoch(f.startedAt()));
        d.put("extras", Map.of());
        d.put("inputs", f.inputs());
        d.put("status", f.status().wireName());
        d.put("error", f.error());
        d.put("elapsed_time", seconds(f.elapsedMillis()));
        d.put("total_tokens", f.metadata().getOrDefault("total_tokens", 0));
        d.put("execution_metadata", f.metadata());
        d.put("finished_at", epoch(f.at()));
        d.put("steps", f.metadata().getOrDefault(f.nodeType() + "_steps",
                f.outputs().get("output") instanceof List<?> l ? l.size() : 0));
        return d;
    }

    /** {@code workflow_finished.data}; also the {@code data} of a blocking response (a subset). */
    public static Map<String, Object> workflowFinished(RunFinished f, String workflowId, String user) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", f.runId());
        d.put("workflow_id", workflowId != null ? workflowId : f.workflowId());
        d.put("status", f.status().wireName());
        d.put("outputs", f.outputs());
        d.put("error", f.error());
        d.put("elapsed_time", seconds(f.elapsedMillis()));
        d.put("total_tokens", f.totalTokens());
        d.put("total_steps", f.totalSteps());
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("id", user);
        by.put("user", user);
        d.put("created_by", by);
        d.put("created_at", epoch(f.startedAt()));
        d.put("finished_at", epoch(f.at()));
        d.put("exceptions_count", f.exceptionsCount());
        d.put("files", DifyFile.in(f.outputs()));
        return d;
    }

    static long epoch(Instant t) {
        return t == null ? 0 : t.getEpochSecond();
    }

    static double seconds(long millis) {
        return millis / 1000.0;
    }
}
