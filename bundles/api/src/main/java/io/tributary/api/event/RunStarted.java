package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A run started.
 *
 * @param workflowId the workflow (graph version) it runs
 * @param inputs     its inputs
 * @param origin     who it belongs to, from {@link io.tributary.api.engine.RunRequest#origin()}; never {@code null}
 *                   ({@link RunOrigin#NONE} when the request named nobody)
 */
public record RunStarted(String runId, Instant at, String workflowId, Map<String, Object> inputs, RunOrigin origin)
        implements RunEvent {
    public RunStarted {
        origin = origin == null ? RunOrigin.NONE : origin;
    }

    /** A run started without an owner (the shape of version 1.1.0). */
    public RunStarted(String runId, Instant at, String workflowId, Map<String, Object> inputs) {
        this(runId, at, workflowId, inputs, RunOrigin.NONE);
    }
}
