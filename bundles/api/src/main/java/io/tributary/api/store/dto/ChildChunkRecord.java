package io.tributary.api.store.dto;

import java.time.Instant;

/**
 * A child chunk of a hierarchical segment.
 *
 * @param id        child chunk id (a UUID); also its id in the knowledge index
 * @param segmentId its parent segment
 * @param position  1, 2, ... within the segment
 * @param content   the text
 * @param wordCount characters
 * @param type      {@code automatic} or {@code customized}
 * @param createdAt when it was written
 */
public record ChildChunkRecord(String id, String segmentId, int position, String content, int wordCount,
                               String type, Instant createdAt) {
}
