package io.tributary.knowledge.index;

/**
 * A search hit: the entry's id (segment or child chunk), its segment, its kind and its score normalised to 0..1.
 */
public record IndexHit(String id, String segmentId, IndexEntry.Kind kind, double score) {
}
