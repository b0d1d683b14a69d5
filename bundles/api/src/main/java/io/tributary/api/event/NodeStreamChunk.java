package io.tributary.api.event;

import java.time.Instant;
import java.util.List;

/**
 * A piece of streamed output, released in response-template order ({@code text_chunk}).
 *
 * @param selector the variable it belongs to
 * @param last     whether it is that variable's last chunk
 */
public record NodeStreamChunk(String runId, Instant at, String executionId, String nodeId, List<String> selector,
                              String chunk, boolean last) implements RunEvent {
}
