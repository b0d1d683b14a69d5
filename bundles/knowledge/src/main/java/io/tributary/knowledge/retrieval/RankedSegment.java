package io.tributary.knowledge.retrieval;

import java.util.List;

import io.tributary.knowledge.index.IndexHit;

/**
 * A retrieval result before it is joined with the store: the segment id, its score (0..1) and, for hierarchical
 * datasets, the child chunk hits under it (best first; the segment's score is the best child's unless reranked).
 */
public record RankedSegment(String segmentId, double score, List<IndexHit> childHits) {
    public RankedSegment {
        childHits = List.copyOf(childHits);
    }
}
