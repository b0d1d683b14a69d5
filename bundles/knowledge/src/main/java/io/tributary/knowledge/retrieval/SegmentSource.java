package io.tributary.knowledge.retrieval;

import java.util.Collection;
import java.util.Map;

/** Where retrieval learns which segments may be returned and what their text is (for reranking). */
@FunctionalInterface
public interface SegmentSource {
    /**
     * The retrievable segments among these ids (enabled, of an enabled document, still in the store), each with the
     * text a rerank model should judge. Ids left out of the answer are dropped from the results.
     */
    Map<String, String> retrievable(Collection<String> segmentIds);
}
