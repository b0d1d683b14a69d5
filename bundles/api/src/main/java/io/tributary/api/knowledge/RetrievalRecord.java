package io.tributary.api.knowledge;

import java.util.List;

import io.tributary.api.store.dto.ChildChunkRecord;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.SegmentRecord;

/**
 * One retrieval result: the segment with its document, the child chunks that matched (hierarchical datasets,
 * best first, each with its score), and the segment's score (0..1, higher is better).
 */
public record RetrievalRecord(SegmentRecord segment, DocumentRecord document, List<ScoredChildChunk> childChunks,
                              double score) {
    public RetrievalRecord {
        childChunks = childChunks == null ? List.of() : List.copyOf(childChunks);
    }

    /** A matching child chunk and its score. */
    public record ScoredChildChunk(ChildChunkRecord chunk, double score) {
    }
}
