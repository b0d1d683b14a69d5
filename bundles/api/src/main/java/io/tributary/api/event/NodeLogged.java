package io.tributary.api.event;

import java.time.Instant;

/**
 * A node logged a warning or an error through its {@link io.tributary.api.node.NodeLog}.
 *
 * @param level   {@code WARN} or {@code ERROR}
 * @param message the formatted message
 */
public record NodeLogged(String runId, Instant at, String executionId, String nodeId, String level,
                         String message) implements RunEvent {
}
