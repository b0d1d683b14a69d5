package io.tributary.api.store.dto;

import java.util.List;

/**
 * A segment to write: content (the question for Q&amp;A), the answer for Q&amp;A (else {@code null}), and the child
 * chunks for hierarchical datasets (else empty).
 */
public record NewSegment(String content, String answer, List<String> childChunks) {
    public NewSegment {
        childChunks = childChunks == null ? List.of() : List.copyOf(childChunks);
    }
}
