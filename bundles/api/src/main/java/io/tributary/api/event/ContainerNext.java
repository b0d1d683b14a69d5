package io.tributary.api.event;

import java.time.Instant;

/**
 * A container node ({@code iteration}, {@code loop}) starts one pass over its child graph
 * ({@code iteration_next} / {@code loop_next}). The container's own {@link NodeStarted} and
 * {@link NodeFinished} stand for {@code *_started} and {@code *_completed}.
 *
 * @param executionId the container node's execution id
 * @param nodeId      the container node's id
 * @param nodeType    {@code iteration}, {@code loop}, ...
 * @param index       0-based pass index
 */
public record ContainerNext(String runId, Instant at, String executionId, String nodeId, String nodeType,
                            String title, int index) implements RunEvent {
}
