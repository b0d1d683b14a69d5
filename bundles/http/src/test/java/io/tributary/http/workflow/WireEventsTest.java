package io.tributary.http.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.ContainerNext;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeLogged;
import io.tributary.api.event.NodeRetry;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;
import io.tributary.api.event.RunStatus;

class WireEventsTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private final WireEvents wire = new WireEvents("wf-1", "alice");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> frame) {
        return (Map<String, Object>) frame.get("data");
    }

    private static List<String> names(List<Map<String, Object>> frames) {
        return frames.stream().map(f -> (String) f.get("event")).toList();
    }

    @Test
    void workflowStartedCarriesTheEnvelopeAndEpochSeconds() {
        Map<String, Object> f = wire.map(new RunStarted("r1", T0, "ignored", Map.of("q", 1))).get(0);
        assertEquals(List.of("event", "task_id", "workflow_run_id", "data"), List.copyOf(f.keySet()));
        assertEquals("workflow_started", f.get("event"));
        assertEquals("r1", f.get("task_id"));
        assertEquals(Map.of("id", "r1", "workflow_id", "wf-1", "inputs", Map.of("q", 1), "created_at",
                T0.getEpochSecond(), "reason", "initial"), data(f));
    }

    @Test
    void nodeEventsHaveDifysFields() {
        Map<String, Object> started = data(wire.map(new NodeStarted("r1", T0, "e1", "llm", "llm", "1.0.0", "LLM", 2,
                "start", Map.of(), null, null)).get(0));
        assertEquals(List.of("id", "node_id", "node_type", "title", "index", "predecessor_node_id", "inputs",
                "inputs_truncated", "created_at", "extras", "iteration_id", "loop_id"), List.copyOf(started.keySet()));

        NodeFinished nf = new NodeFinished("r1", T0.plusMillis(1500), "e1", "llm", "llm", "1.0.0", "LLM", 2, "start",
                NodeStatus.FAILED, Map.of("a", 1), Map.of(), Map.of(), Map.of("total_tokens", 3), "boom", "X", T0,
                1500, null, null);
        Map<String, Object> finished = data(wire.map(nf).get(0));
        assertEquals("failed", finished.get("status"));
        assertEquals("boom", finished.get("error"));
        assertEquals(1.5, finished.get("elapsed_time"));
        assertEquals(Map.of("total_tokens", 3), finished.get("execution_metadata"));
        assertEquals(T0.plusMillis(1500).getEpochSecond(), finished.get("finished_at"));

        Map<String, Object> retry = data(wire.map(new NodeRetry("r1", T0, "e1", "llm", "llm", "1", "LLM", 2, null, 1,
                Map.of(), Map.of(), Map.of(), Map.of(), "timeout", null, T0, 10, null, null)).get(0));
        assertEquals(1, retry.get("retry_index"));
        assertEquals("retry", retry.get("status"));
    }

    private static NodeFinished extracted(String text) {
        return new NodeFinished("r1", T0, "e1", "x", "document-extractor", "1.0.0", "Extract", 2, null,
                NodeStatus.SUCCEEDED, Map.of("file", "a.txt"), Map.of(), Map.of("text", text), Map.of(), null, null,
                T0, 10, null, null);
    }

    @Test
    void pipelineRunEventsCarryLargeValuesTruncatedWithTheFlag() {
        Map<String, Object> d = data(new WireEvents(null, "key", true).map(extracted("t".repeat(5_000_000))).get(0));
        assertEquals("t".repeat(100_000) + "...", ((Map<?, ?>) d.get("outputs")).get("text"));
        assertEquals(true, d.get("outputs_truncated"));
        assertEquals(false, d.get("inputs_truncated"));
        assertEquals(false, d.get("process_data_truncated"));
    }

    @Test
    void appRunEventsOfTheServiceApiCarryValuesWhole() {
        // Dify's WorkflowResponseConverter does not truncate for InvokeFrom.SERVICE_API
        Map<String, Object> d = data(wire.map(extracted("t".repeat(5_000_000))).get(0));
        assertEquals(5_000_000, ((String) ((Map<?, ?>) d.get("outputs")).get("text")).length());
        assertEquals(false, d.get("outputs_truncated"));
    }

    @Test
    void chunksNameTheirVariable() {
        Map<String, Object> f = wire.map(new NodeStreamChunk("r1", T0, "e1", "llm", List.of("llm", "text"), "Hi",
                false)).get(0);
        assertEquals("text_chunk", f.get("event"));
        assertEquals(Map.of("text", "Hi", "from_variable_selector", List.of("llm", "text")), data(f));
    }

    @Test
    void containersGetTheirOwnEventsBesideTheNodeEvents() {
        assertEquals(List.of("node_started", "iteration_started"), names(wire.map(new NodeStarted("r1", T0, "e", "it",
                "iteration", "1", "It", 2, "start", Map.of(), null, null))));
        assertEquals(List.of("loop_next"), names(wire.map(new ContainerNext("r1", T0, "e", "lp", "loop", "Lp", 3))));
        assertEquals(3, data(wire.map(new ContainerNext("r1", T0, "e", "lp", "loop", "Lp", 3)).get(0)).get("index"));
        assertEquals(List.of("iteration_completed", "node_finished"), names(wire.map(new NodeFinished("r1", T0, "e",
                "it", "iteration", "1", "It", 2, null, NodeStatus.SUCCEEDED, Map.of(), Map.of(),
                Map.of("output", List.of(1, 2)), Map.of(), null, null, T0, 5, null, null))));
    }

    @Test
    void workflowFinishedAndUnknownEvents() {
        Map<String, Object> d = data(wire.map(new RunFinished("r1", T0.plusSeconds(2), "x", RunStatus.STOPPED,
                Map.of(), "User requested stop", 0, 2, 7, T0, 2000)).get(0));
        assertEquals("stopped", d.get("status"));
        assertEquals("wf-1", d.get("workflow_id"));
        assertEquals(7L, d.get("total_tokens"));
        assertEquals(2, d.get("total_steps"));
        assertEquals(Map.of("id", "alice", "user", "alice"), d.get("created_by"));
        assertEquals(List.of(), wire.map(new NodeLogged("r1", T0, "e", "n", "WARN", "careful")));
    }
}
