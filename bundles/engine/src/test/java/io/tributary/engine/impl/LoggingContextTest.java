package io.tributary.engine.impl;

import static io.tributary.engine.impl.Graphs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.tributary.api.model.Graph;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;

/** What a plugin logs through SLF4J while its node runs carries the run and node ids in the MDC. */
class LoggingContextTest extends EngineFixture {

    @Test
    void nodeThreadsCarryRunAndNodeIdsInTheMdc() throws Exception {
        NodeType mdc = node -> ctx -> {
            Map<String, Object> out = new HashMap<>();
            out.put("run", MDC.get("run_id"));
            out.put("node", MDC.get("node_id"));
            out.put("same", String.valueOf(ctx.runId().equals(MDC.get("run_id"))));
            return NodeResult.of(out);
        };
        registry.add("mdc", "1.0.0", mdc);
        Graph g = new Graphs()
                .node("start", "start")
                .node("probe", "mdc")
                .node("end", "end", "outputs", List.of(
                        map("variable", "same", "value_selector", List.of("probe", "same")),
                        map("variable", "node", "value_selector", List.of("probe", "node"))))
                .edge("start", "probe").edge("probe", "end").build();
        Recorder rec = run(g, r -> r.runId("run-mdc-1"));
        assertEquals(Map.of("same", "true", "node", "probe"), last(rec).outputs());
        assertNull(MDC.get("run_id"), "the caller's thread is left alone");
    }
}
