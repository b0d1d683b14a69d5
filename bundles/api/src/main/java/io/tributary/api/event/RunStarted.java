package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A run started.
 *
 * @param workflowId the workflow (graph version) it runs
 * @param inputs     its inputs
 */
public record RunStarted(String runId, Instant at, String workflowId, Map<String, Object> inputs)
        implements RunEvent {
}
