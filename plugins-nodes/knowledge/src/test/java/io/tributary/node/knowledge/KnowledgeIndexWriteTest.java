package io.tributary.node.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.api.event.RunStatus;
import io.tributary.api.knowledge.RetrievalRecord;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.knowledge.KnowledgeService;
import io.tributary.knowledge.Models;
import io.tributary.knowledge.index.DatasetIndexes;
import io.tributary.node.chunkers.GeneralChunkerNodeType;
import io.tributary.node.chunkers.ParentChildChunkerNodeType;

/**
 * Published runs that write: datasource -> the real chunkers -> knowledge-index -> the real knowledge base (store on
 * H2, Lucene on disk; economy datasets, so no embedding model).
 */
class KnowledgeIndexWriteTest extends StoreBackedTest {
    static final String BATCH = "20260101000000123456";

    private DatasetIndexes indexes;
    private KnowledgeService kb;

    @BeforeEach
    void openKnowledge() {
        indexes = new DatasetIndexes(dataDir.resolve("knowledge"));
        kb = new KnowledgeService(datasetStore, indexes, new Models("", ""));
        knowledge = kb;
        tools.put("tool#langgenius/general_chunker/general_chunker/general_chunker@1.0.0", new GeneralChunkerNodeType());
        tools.put("tool#langgenius/parentchild_chunker/parentchild_chunker/parentchild_chunker@1.0.0",
                new ParentChildChunkerNodeType());
    }

    @AfterEach
    void closeKnowledge() {
        indexes.close();
    }

    private Dataset dataset(String structure) {
        return datasetStore.createDataset(new NewDataset("Birds", "", structure, "economy", "", "", 10,
                Map.of("search_method", "keyword_search", "top_k", 3), null, "tester"));
    }

    private DocumentRecord document(Dataset d) {
        return datasetStore.createDocuments(d.id(), BATCH, "rag-pipeline",
                List.of(new NewDocument("birds.html", "website_crawl", WholePipelineTest.PAGE)), null).get(0);
    }

    private List<SegmentRecord> segments(DocumentRecord doc) {
        return datasetStore.segments(doc.id(), null, 1, 100).data();
    }

    @Test
    void aPublishedRunWritesTheDocumentsSegmentsOnceAndTheyAreFound() throws Exception {
        Dataset d = dataset("text_model");
        DocumentRecord doc = document(d);
        for (int attempt = 0; attempt < 2; attempt++) {
            // the second run is a retried queue item: it replaces, it does not add
            Events ev = run("crawl-chunk-index", published(d.id(), doc.id(), BATCH, "website_crawl",
                    WholePipelineTest.PAGE));
            assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
            Map<String, Object> out = ev.finished("index").outputs();
            assertEquals(d.id(), out.get("dataset_id"));
            assertEquals("Birds", out.get("dataset_name"));
            assertEquals(BATCH, out.get("batch"));
            assertEquals(doc.id(), out.get("document_id"));
            assertEquals("birds.html", out.get("document_name"));
            assertEquals("completed", out.get("display_status"));
            double createdAt = ((Number) out.get("created_at")).doubleValue();
            assertEquals(doc.createdAt().toEpochMilli() / 1000.0, createdAt, 0.001);

            List<SegmentRecord> segments = segments(doc);
            assertEquals(List.of("Owls hunt at night.\nThey hear very well.", "Ravens are clever.\nThey use tools."),
                    segments.stream().map(SegmentRecord::content).toList());
            Set<String> ids = new HashSet<>(segments.stream().map(SegmentRecord::id).toList());
            assertEquals(ids, kb.indexedSegmentIds(d.id()), "the index holds exactly the store's segments");
        }
        List<RetrievalRecord> found = kb.retrieve(d.id(), "clever ravens", new RetrievalSettings("keyword_search", 3,
                null, false, "reranking_model", "", "", 0.7, 0.3));
        assertTrue(!found.isEmpty() && found.get(0).segment().content().startsWith("Ravens are clever."),
                found.toString());
    }

    @Test
    void parentChildChunksAreWrittenWithTheirChildren() throws Exception {
        Dataset d = dataset("hierarchical_model");
        DocumentRecord doc = document(d);
        Events ev = run("crawl-parent-child-index", published(d.id(), doc.id(), BATCH, "website_crawl",
                WholePipelineTest.PAGE));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        List<SegmentRecord> segments = segments(doc);
        assertEquals(2, segments.size());
        assertEquals("Owls hunt at night.\nThey hear very well.", segments.get(0).content());
        assertEquals(List.of("Owls hunt at night.", "They hear very well."),
                segments.get(0).childChunks().stream().map(c -> c.content()).toList());
    }
}
