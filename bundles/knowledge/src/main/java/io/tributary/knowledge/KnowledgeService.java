package io.tributary.knowledge;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.knowledge.ChunkStructure;
import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RetrievalRecord;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.api.store.dto.ChildChunkRecord;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.knowledge.index.DatasetIndex;
import io.tributary.knowledge.index.DatasetIndexes;
import io.tributary.knowledge.index.IndexEntry;
import io.tributary.knowledge.index.IndexHit;
import io.tributary.knowledge.retrieval.RankedSegment;
import io.tributary.knowledge.retrieval.Retriever;

/**
 * The knowledge base: the store (through {@link DatasetStore}) and the per-dataset Lucene indexes kept in step.
 *
 * <p>{@link #indexDocument} works in an order that a re-run repairs: (1) embed (no side effects), (2) replace the
 * document's segments in the store, (3) replace the document's entries in the index and commit. A crash after (2)
 * leaves the store ahead of the index; running the same item again replaces both. Deleting goes store first, then
 * index: index entries whose segment is gone from the store are never returned (retrieval joins with the store).
 */
public final class KnowledgeService implements KnowledgeBase {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);
    private static final String HIGH_QUALITY = "high_quality";

    private final DatasetStore store;
    private final DatasetIndexes indexes;
    private final Models models;
    private final Retriever retriever = new Retriever();

    public KnowledgeService(DatasetStore store, DatasetIndexes indexes, Models models) {
        this.store = store;
        this.indexes = indexes;
        this.models = models;
    }

    @Override
    public List<SegmentRecord> indexDocument(String datasetId, String documentId, List<NewSegment> segments)
            throws KnowledgeException {
        Dataset dataset = dataset(datasetId);
        DocumentRecord document = store.document(documentId)
                .filter(d -> d.datasetId().equals(datasetId))
                .orElseThrow(() -> new KnowledgeException("Document " + documentId + " does not exist in dataset "
                        + datasetId));
        if (segments == null) {
            throw new KnowledgeException("Chunks is required.");
        }
        for (int i = 0; i < segments.size(); i++) {
            NewSegment s = segments.get(i);
            if (s == null || s.content() == null || s.content().isBlank()) {
                throw new KnowledgeException("Segment " + (i + 1) + " of document " + document.name()
                        + " has no content");
            }
        }
        ChunkStructure structure = structure(dataset, segments);
        List<float[]> vectors = null;
        if (HIGH_QUALITY.equals(dataset.indexingTechnique())) {
            vectors = embedAll(dataset, vectorTexts(structure, segments));
        }
        List<SegmentRecord> records = store.replaceSegments(documentId, segments, Instant.now());
        List<IndexEntry> entries = entries(structure, records, vectors);
        try {
            indexes.get(datasetId).replaceDocument(documentId, entries);
        } catch (IOException | RuntimeException e) {
            throw new KnowledgeException("Could not write the index of dataset " + datasetId + ": "
                    + e.getMessage(), e);
        }
        LOG.debug("Indexed document {} of dataset {}: {} segments, {} index entries", documentId, datasetId,
                records.size(), entries.size());
        return records;
    }

    private static ChunkStructure structure(Dataset dataset, List<NewSegment> segments) {
        ChunkStructure s = ChunkStructure.fromWire(dataset.chunkStructure());
        if (s != null) {
            return s;
        }
        if (segments.stream().anyMatch(x -> !x.childChunks().isEmpty())) {
            return ChunkStructure.HIERARCHICAL_MODEL;
        }
        return segments.stream().anyMatch(x -> x.answer() != null) ? ChunkStructure.QA_MODEL
                : ChunkStructure.TEXT_MODEL;
    }

    /** The texts to embed, in entry order: children for hierarchical segments that have them, else the content. */
    private static List<String> vectorTexts(ChunkStructure structure, List<NewSegment> segments) {
        List<String> texts = new ArrayList<>();
        for (NewSegment s : segments) {
            if (structure == ChunkStructure.HIERARCHICAL_MODEL && !s.childChunks().isEmpty()) {
                texts.addAll(s.childChunks());
            } else {
                texts.add(s.content());
            }
        }
        return texts;
    }

    private List<float[]> embedAll(Dataset dataset, List<String> texts) throws KnowledgeException {
        if (texts.isEmpty()) {
            return List.of();
        }
        EmbeddingModel model = models.embeddingFor(dataset).service();
        List<float[]> vectors;
        try {
            vectors = model.embed(texts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KnowledgeException("Interrupted while embedding", e);
        }
        if (vectors.size() != texts.size()) {
            throw new KnowledgeException("The embedding model returned " + vectors.size() + " vectors for "
                    + texts.size() + " texts");
        }
        return vectors;
    }

    private static List<IndexEntry> entries(ChunkStructure structure, List<SegmentRecord> records,
                                            List<float[]> vectors) {
        List<IndexEntry> entries = new ArrayList<>();
        int v = 0;
        for (SegmentRecord r : records) {
            boolean children = structure == ChunkStructure.HIERARCHICAL_MODEL && !r.childChunks().isEmpty();
            if (children) {
                entries.add(new IndexEntry(r.id(), r.id(), IndexEntry.Kind.SEGMENT, null, null, r.enabled()));
                for (ChildChunkRecord c : r.childChunks()) {
                    entries.add(new IndexEntry(c.id(), r.id(), IndexEntry.Kind.CHILD, c.content(),
                            vectors == null ? null : vectors.get(v++), r.enabled()));
                }
            } else {
                String text = r.answer() == null ? r.content() : r.content() + "\n" + r.answer();
                entries.add(new IndexEntry(r.id(), r.id(), IndexEntry.Kind.SEGMENT, text,
                        vectors == null ? null : vectors.get(v++), r.enabled()));
            }
        }
        return entries;
    }

    @Override
    public boolean deleteDocument(String datasetId, String documentId) {
        Optional<DocumentRecord> document = store.document(documentId);
        if (document.isEmpty() || !document.get().datasetId().equals(datasetId)) {
            return false;
        }
        boolean deleted = store.deleteDocument(documentId);
        DatasetIndex index = indexes.existing(datasetId);
        if (index != null) {
            try {
                index.deleteDocument(documentId);
            } catch (IOException e) {
                LOG.warn("Removing document {} from the index of dataset {} failed (its entries are ignored, as "
                        + "the store no longer has them): {}", documentId, datasetId, e.toString());
            }
        }
        return deleted;
    }

    @Override
    public void deleteIndex(String datasetId) {
        indexes.delete(datasetId);
    }

    @Override
    public List<RetrievalRecord> retrieve(String datasetId, String query, RetrievalSettings settings)
            throws KnowledgeException {
        Dataset dataset = dataset(datasetId);
        if (query == null || query.isBlank()) {
            throw new KnowledgeException("query is required");
        }
        RetrievalSettings s = settings == null ? RetrievalSettings.defaults() : settings;
        boolean vectors = "semantic_search".equals(s.searchMethod()) || "hybrid_search".equals(s.searchMethod());
        if (vectors && !HIGH_QUALITY.equals(dataset.indexingTechnique())) {
            throw new KnowledgeException(s.searchMethod() + " needs a high_quality dataset; dataset " + datasetId
                    + " is " + dataset.indexingTechnique() + " (use full_text_search or keyword_search)");
        }
        DatasetIndex index = indexes.existing(datasetId);
        if (index == null) {
            return List.of();
        }
        Map<String, SegmentRecord> loaded = new HashMap<>();
        Map<String, DocumentRecord> documents = new HashMap<>();
        List<RankedSegment> ranked;
        try {
            ranked = retriever.search(index, query, s,
                    q -> embedAll(dataset, List.of(q)).get(0),
                    s.rerankingEnable() ? models.rerank(s.rerankProvider(), s.rerankModel()) : null,
                    ids -> retrievable(ids, loaded, documents));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KnowledgeException("Interrupted while searching", e);
        }
        List<RetrievalRecord> records = new ArrayList<>(ranked.size());
        for (RankedSegment r : ranked) {
            SegmentRecord segment = loaded.get(r.segmentId());
            Map<String, ChildChunkRecord> children = new LinkedHashMap<>();
            segment.childChunks().forEach(c -> children.put(c.id(), c));
            List<RetrievalRecord.ScoredChildChunk> matched = new ArrayList<>();
            for (IndexHit h : r.childHits()) {
                ChildChunkRecord c = children.get(h.id());
                if (c != null) {
                    matched.add(new RetrievalRecord.ScoredChildChunk(c, h.score()));
                }
            }
            records.add(new RetrievalRecord(segment, documents.get(segment.documentId()), matched, r.score()));
        }
        return records;
    }

    /** Loads the segments and their documents; keeps those enabled with an enabled document. */
    private Map<String, String> retrievable(Collection<String> ids, Map<String, SegmentRecord> loaded,
                                            Map<String, DocumentRecord> documents) {
        Map<String, String> texts = new HashMap<>();
        for (SegmentRecord s : store.segmentsById(ids)) {
            if (!s.enabled()) {
                continue;
            }
            DocumentRecord d = documents.computeIfAbsent(s.documentId(), id -> store.document(id).orElse(null));
            if (d == null || !d.enabled()) {
                continue;
            }
            loaded.put(s.id(), s);
            texts.put(s.id(), s.answer() == null ? s.content() : s.content() + "\n" + s.answer());
        }
        return texts;
    }

    @Override
    public Set<String> indexedSegmentIds(String datasetId) {
        DatasetIndex index = indexes.existing(datasetId);
        if (index == null) {
            return Set.of();
        }
        try {
            return index.segmentIds();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the index of dataset " + datasetId + ": " + e, e);
        }
    }

    private Dataset dataset(String datasetId) throws KnowledgeException {
        return store.dataset(datasetId)
                .orElseThrow(() -> new KnowledgeException("Dataset " + datasetId + " does not exist"));
    }
}
