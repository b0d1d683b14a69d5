package io.tributary.store.datasets;

import static io.tributary.store.db.SqlTimes.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
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
import io.tributary.store.db.Database;
import io.tributary.store.db.Transactions;
import io.tributary.store.queue.PipelineItemRows;

/**
 * Datasets, versions, documents and segments over the shared database. Every multi-row change is one
 * transaction: documents with their queue items, segment replacement with the document's word count, cascading
 * deletes. Arguments the caller got wrong (unknown dataset for new documents, bad status filter, bad paging)
 * are {@link IllegalArgumentException}s, database failures {@link io.tributary.api.store.StoreException}s.
 */
@Component(service = DatasetStore.class)
public final class JdbcDatasetStore implements DatasetStore {
    private final DataSource db;

    @Activate
    public JdbcDatasetStore(@Reference Database database) {
        this.db = database.dataSource();
    }

    // ---- datasets

    @Override
    public Dataset createDataset(NewDataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return Transactions.autoCommit(db, "create dataset '" + dataset.name() + "'",
                c -> DatasetRows.insert(c, dataset, now()));
    }

    @Override
    public Optional<Dataset> dataset(String datasetId) {
        if (datasetId == null) {
            return Optional.empty();
        }
        return Transactions.autoCommit(db, "read dataset " + datasetId, c -> DatasetRows.find(c, datasetId));
    }

    @Override
    public Page<Dataset> datasets(String keyword, int page, int limit) {
        checkPaging(page, limit);
        return Transactions.inTransaction(db, "list datasets", c -> DatasetRows.page(c, keyword, page, limit));
    }

    @Override
    public Optional<Dataset> updateDraft(String datasetId, NewDataset settings) {
        Objects.requireNonNull(settings, "settings");
        return Transactions.inTransaction(db, "update the draft of dataset " + datasetId, c ->
                DatasetRows.updateDraft(c, datasetId, settings, now()) ? DatasetRows.find(c, datasetId)
                        : Optional.empty());
    }

    @Override
    public boolean deleteDataset(String datasetId) {
        return Transactions.inTransaction(db, "delete dataset " + datasetId, c -> {
            // the row lock first: a concurrent createDocuments either finished or waits and then finds no dataset
            if (!DatasetRows.lock(c, datasetId)) {
                return false;
            }
            SegmentRows.deleteOfDataset(c, datasetId);
            DocumentRows.deleteOfDataset(c, datasetId);
            return DatasetRows.delete(c, datasetId);
        });
    }

    @Override
    public DatasetStats stats(String datasetId) {
        return Transactions.autoCommit(db, "count the documents of dataset " + datasetId, c -> {
            DocumentRows.DatasetStatsRow row = DocumentRows.stats(c, datasetId);
            return new DatasetStats(row.documents(), row.words());
        });
    }

    // ---- pipeline versions

    @Override
    public Optional<DatasetVersion> publish(String datasetId) {
        return Transactions.inTransaction(db, "publish dataset " + datasetId,
                c -> DatasetRows.publish(c, datasetId, now()));
    }

    @Override
    public Optional<DatasetVersion> latestVersion(String datasetId) {
        return Transactions.autoCommit(db, "read the published version of dataset " + datasetId,
                c -> DatasetRows.latestVersion(c, datasetId));
    }

    @Override
    public Optional<DatasetVersion> version(String workflowId) {
        return Transactions.autoCommit(db, "read pipeline version " + workflowId,
                c -> DatasetRows.version(c, workflowId));
    }

    // ---- documents

    @Override
    public List<DocumentRecord> createDocuments(String datasetId, String batch, String createdFrom,
                                                List<NewDocument> documents, PipelineRunSpec run) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(documents, "documents");
        if (documents.isEmpty()) {
            return List.of();
        }
        for (NewDocument d : documents) {
            if (d == null || d.dataSourceType() == null || d.dataSourceType().isBlank()) {
                throw new IllegalArgumentException("every document needs a data source type");
            }
        }
        return Transactions.inTransaction(db, "create documents in dataset " + datasetId, c -> {
            DocumentRows.Reserved reserved = DocumentRows.reservePositions(c, datasetId, documents.size())
                    .orElseThrow(() -> new IllegalArgumentException("Dataset " + datasetId + " does not exist"));
            Instant now = now();
            String creator = run == null ? "" : Text.truncate(run.createdBy(), 255);
            List<DocumentRecord> created = new ArrayList<>(documents.size());
            List<PipelineItem> items = new ArrayList<>(documents.size());
            int position = reserved.firstPosition();
            for (NewDocument d : documents) {
                DocumentRecord doc = new DocumentRecord(io.tributary.api.model.TimeOrderedIds.next(), datasetId, position++,
                        batch, documentName(d.name()), d.dataSourceType(), d.dataSourceInfo(),
                        createdFrom == null ? "rag-pipeline" : createdFrom, reserved.chunkStructure(),
                        IndexingStatus.WAITING.wireName(), null, true, 0, 0, creator, now, null, null, null, null,
                        null, now);
                created.add(doc);
                if (run != null) {
                    items.add(new PipelineItem(io.tributary.api.model.TimeOrderedIds.next(), datasetId, doc.id(), batch,
                            run.workflowId(), run.startNodeId(), d.dataSourceType(), d.dataSourceInfo(),
                            run.inputs(), creator, PipelineItemRows.QUEUED, 0, now));
                }
            }
            DocumentRows.insert(c, created);
            if (!items.isEmpty()) {
                PipelineItemRows.insert(c, items);
            }
            return List.copyOf(created);
        });
    }

    private static String documentName(String name) {
        return Text.truncate(name == null || name.isBlank() ? "untitled" : name, 255);
    }

    @Override
    public Optional<DocumentRecord> document(String documentId) {
        if (documentId == null) {
            return Optional.empty();
        }
        return Transactions.autoCommit(db, "read document " + documentId, c -> DocumentRows.find(c, documentId));
    }

    @Override
    public Page<DocumentRecord> documents(String datasetId, String keyword, String status, int page, int limit) {
        checkPaging(page, limit);
        DisplayStatus filter = status == null ? null : DisplayStatus.of(status);
        return Transactions.inTransaction(db, "list the documents of dataset " + datasetId,
                c -> DocumentRows.page(c, datasetId, keyword, filter, page, limit));
    }

    @Override
    public List<DocumentRecord> batch(String datasetId, String batch) {
        return Transactions.autoCommit(db, "read batch " + batch + " of dataset " + datasetId,
                c -> DocumentRows.batch(c, datasetId, batch));
    }

    @Override
    public boolean updateStatus(String documentId, IndexingStatus indexingStatus, String error) {
        Objects.requireNonNull(indexingStatus, "indexingStatus");
        return Transactions.autoCommit(db, "set the status of document " + documentId,
                c -> DocumentRows.updateStatus(c, documentId, indexingStatus, error, now()));
    }

    @Override
    public boolean deleteDocument(String documentId) {
        return Transactions.inTransaction(db, "delete document " + documentId, c -> {
            // the row lock first: a concurrent replaceSegments either finished or waits and then finds no document
            if (DocumentRows.lock(c, documentId).isEmpty()) {
                return false;
            }
            SegmentRows.deleteOfDocument(c, documentId);
            return DocumentRows.deleteDocument(c, documentId);
        });
    }

    // ---- segments

    /**
     * {@inheritDoc}
     *
     * <p>The document row is locked first, so concurrent replacements of one document run one after the other
     * and the last one wins whole. An unknown document is an {@link IllegalArgumentException}.
     */
    @Override
    public List<SegmentRecord> replaceSegments(String documentId, List<NewSegment> segments, Instant indexedAt) {
        Objects.requireNonNull(segments, "segments");
        return Transactions.inTransaction(db, "replace the segments of document " + documentId, c -> {
            String datasetId = DocumentRows.lock(c, documentId)
                    .orElseThrow(() -> new IllegalArgumentException("Document " + documentId + " does not exist"));
            Instant now = now();
            List<SegmentRecord> written = SegmentRows.build(datasetId, documentId, segments, now,
                    indexedAt);
            SegmentRows.deleteOfDocument(c, documentId);
            SegmentRows.insert(c, written);
            DocumentRows.setWordCount(c, documentId, written.stream().mapToInt(SegmentRecord::wordCount).sum(), now);
            return List.copyOf(written);
        });
    }

    @Override
    public Page<SegmentRecord> segments(String documentId, String keyword, int page, int limit) {
        checkPaging(page, limit);
        return Transactions.inTransaction(db, "list the segments of document " + documentId,
                c -> SegmentRows.page(c, documentId, keyword, page, limit));
    }

    /**
     * {@inheritDoc}
     *
     * <p>One indexed count per document ({@code document_id} leads the unique key): H2 evaluates an
     * {@code IN (...) GROUP BY} over the whole table, which made every status poll of a large batch scan all
     * segments.
     */
    @Override
    public Map<String, Long> segmentCounts(Collection<String> documentIds) {
        if (documentIds == null || documentIds.isEmpty()) {
            return new java.util.LinkedHashMap<>();
        }
        List<String> ids = documentIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        return Transactions.autoCommit(db, "count segments", c -> SegmentRows.countsOfDocuments(c, ids));
    }

    @Override
    public List<SegmentRecord> segmentsById(Collection<String> segmentIds) {
        if (segmentIds == null || segmentIds.isEmpty()) {
            return List.of();
        }
        return Transactions.inTransaction(db, "read segments", c -> SegmentRows.byIds(c, segmentIds));
    }

    @Override
    public List<String> segmentIds(String datasetId) {
        return Transactions.autoCommit(db, "list the segment ids of dataset " + datasetId,
                c -> SegmentRows.idsOfDataset(c, datasetId));
    }

    private static void checkPaging(int page, int limit) {
        if (page < 1 || limit < 1) {
            throw new IllegalArgumentException("page and limit start at 1 (got page " + page + ", limit " + limit
                    + ")");
        }
    }
}
