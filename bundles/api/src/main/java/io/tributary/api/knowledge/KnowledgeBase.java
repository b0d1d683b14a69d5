package io.tributary.api.knowledge;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.SegmentRecord;

/**
 * The knowledge service: writes a document's segments to the store and to the dataset's index together, and
 * searches. Indexes live on local disk under the data directory (Lucene: BM25 for full text, HNSW for vectors).
 * Every write is idempotent per document, so a pipeline item that ran again after a crash leaves exactly one set of
 * segments in the store and in the index.
 */
@ProviderType
public interface KnowledgeBase {

    /**
     * Replaces the document's segments with these, in the store and in the index ({@code economy}: full-text only;
     * {@code high_quality}: full text plus vectors of the segment content, of the child chunks for hierarchical
     * datasets, of the question for Q&amp;A).
     *
     * @return the written segments
     * @throws KnowledgeException when the dataset or document is unknown, or embedding fails
     */
    List<SegmentRecord> indexDocument(String datasetId, String documentId, List<NewSegment> segments)
            throws KnowledgeException;

    /** Removes the document from the store and from the index; false when it was unknown. */
    boolean deleteDocument(String datasetId, String documentId);

    /** Removes the dataset's index (the caller deletes the dataset from the store). */
    void deleteIndex(String datasetId);

    /**
     * Searches the dataset's enabled segments.
     *
     * @return at most {@code topK} records, best first
     * @throws KnowledgeException when the dataset is unknown or a model it needs is not available
     */
    List<RetrievalRecord> retrieve(String datasetId, String query, RetrievalSettings settings)
            throws KnowledgeException;

    /** Ids of the segments in the dataset's index (to check it against the store). */
    Set<String> indexedSegmentIds(String datasetId);
}
