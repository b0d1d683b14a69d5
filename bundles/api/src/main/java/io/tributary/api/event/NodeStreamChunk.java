package io.tributary.api.event;

import java.time.Instant;
import java.util.List;

/**
 * A piece of streamed output ({@code text_chunk}), released in the order the response templates ({@code end}
 * outputs, {@code answer} text) define, even when the producers run in parallel. A variable whose producer
 * does not stream is released as one chunk holding its whole value (as text) once the producer finished.
 *
 * @param executionId the producing node's execution id; {@code null} for literal template text
 * @param nodeId      the producing node ({@code selector[0]}), or the response node for literal template text
 * @param selector    the variable it belongs to ({@code from_variable_selector})
 * @param chunk       the text
 * @param last        whether it is that variable's last chunk
 */
public record NodeStreamChunk(String runId, Instant at, String executionId, String nodeId, List<String> selector,
                              String chunk, boolean last) implements RunEvent {
}
