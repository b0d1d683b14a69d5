package io.tributary.knowledge.index;

/**
 * One Lucene document to write.
 *
 * @param id        segment id, or child chunk id for {@link Kind#CHILD} entries
 * @param segmentId the segment it belongs to (its own id for {@link Kind#SEGMENT})
 * @param kind      segment or child chunk
 * @param text      text for BM25, or {@code null} when the entry is not searchable by full text
 * @param vector    L2-normalised embedding, or {@code null} (economy datasets, parents of hierarchical segments)
 * @param enabled   whether it takes part in retrieval
 */
public record IndexEntry(String id, String segmentId, Kind kind, String text, float[] vector, boolean enabled) {

    /** What an entry stands for. */
    public enum Kind {
        /** A segment (parent of a hierarchical segment, a general chunk, a Q&amp;A pair). */
        SEGMENT,
        /** A child chunk of a hierarchical segment. */
        CHILD
    }
}
