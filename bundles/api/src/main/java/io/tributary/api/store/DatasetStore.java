package io.tributary.api.store;

import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.Page;
import io.tributary.api.store.dto.PipelineItem;
import io.tributary.api.store.dto.PipelineRunSpec;
import io.tributary.api.store.dto.SegmentRecord;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Datasets (knowledge bases) with their pipeline versions, documents, segments and child chunks. The store keeps
 * DSL text only; parsing it is the caller's job. The knowledge index is not the store's business: callers that
 * change segments keep the index in step (see {@code io.tributary.api.knowledge.KnowledgeBase}).
 */
@ProviderType
public interface DatasetStore {

    // ---- datasets

    /** Creates a dataset (with its pipeline draft when {@link NewDataset#draftDsl()} is set). */
    Dataset createDataset(NewDataset dataset);

    /** The dataset, or empty. */
    Optional<Dataset> dataset(String datasetId);

    /** Datasets whose name contains {@code keyword} (any when {@code null}), newest first. */
    Page<Dataset> datasets(String keyword, int page, int limit);

    /** Replaces the pipeline draft and the settings taken from it; empty when there is no such dataset. */
    Optional<Dataset> updateDraft(String datasetId, NewDataset settings);

    /** Deletes the dataset with its versions, documents, segments and queued items; false when unknown. */
    boolean deleteDataset(String datasetId);

    /** Number of documents and the sum of their word counts. */
    DatasetStats stats(String datasetId);

    /** Document count and word count of a dataset. */
    record DatasetStats(long documentCount, long wordCount) {
    }

    // ---- pipeline versions

    /** Publishes the current draft as a new immutable version; empty when the dataset is unknown or has no draft. */
    Optional<DatasetVersion> publish(String datasetId);

    /** The latest published version, or empty. */
    Optional<DatasetVersion> latestVersion(String datasetId);

    /** A published version by its workflow id, or empty. */
    Optional<DatasetVersion> version(String workflowId);

    // ---- documents

    /**
     * Creates documents (status {@code waiting}, positions following the dataset's last) in one transaction. When
     * {@code run} is not {@code null}, one {@link PipelineItem} per document is queued in the same transaction, so
     * a document exists if and only if its work is durably queued.
     *
     * @return the documents in the order given
     */
    List<DocumentRecord> createDocuments(String datasetId, String batch, String createdFrom,
                                         List<NewDocument> documents, PipelineRunSpec run);

    /** The document, or empty. */
    Optional<DocumentRecord> document(String documentId);

    /**
     * A dataset's documents, newest position first, filtered by a name {@code keyword} and Dify's display
     * {@code status} ({@code queuing}, {@code indexing}, {@code error}, {@code available}, {@code disabled}), each
     * ignored when {@code null}.
     */
    Page<DocumentRecord> documents(String datasetId, String keyword, String status, int page, int limit);

    /** The documents of one batch, by position. */
    List<DocumentRecord> batch(String datasetId, String batch);

    /**
     * Sets a document's indexing status and error. {@code processing_started_at} is set on the first move away
     * from {@code waiting}, {@code completed_at} on {@code completed}.
     *
     * @return false when there is no such document
     */
    boolean updateStatus(String documentId, IndexingStatus indexingStatus, String error);

    /** Deletes the document with its segments, child chunks and queued items; false when unknown. */
    boolean deleteDocument(String documentId);

    // ---- segments

    /**
     * Replaces all segments (and child chunks) of a document with these, in one transaction, positions from 1;
     * sets the document's word count. Idempotent: running it twice leaves exactly one set.
     *
     * @return the written segments with their ids, status {@code completed}, in order
     */
    List<SegmentRecord> replaceSegments(String documentId, List<NewSegment> segments, Instant indexedAt);

    /** A document's segments by position (with child chunks), filtered by content {@code keyword} when set. */
    Page<SegmentRecord> segments(String documentId, String keyword, int page, int limit);

    /**
     * How many segments each of these documents has (0 for a document without segments or an unknown id), in one
     * query: for progress reports such as indexing-status.
     */
    Map<String, Long> segmentCounts(Collection<String> documentIds);

    /** Segments (with child chunks) by id; unknown ids are left out. Order is unspecified. */
    List<SegmentRecord> segmentsById(Collection<String> segmentIds);

    /** Ids of every segment of the dataset (for checking the index against the store). */
    List<String> segmentIds(String datasetId);
}
