package io.tributary.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RetrievalRecord;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.knowledge.embedding.OnnxMiniLmEmbeddingModel;
import io.tributary.knowledge.index.DatasetIndexes;
import io.tributary.knowledge.remote.HttpRerankModel;
import io.tributary.knowledge.remote.OpenAiEmbeddingModel;
import io.tributary.store.datasets.JdbcDatasetStore;
import io.tributary.store.db.Database;
import io.tributary.store.db.DatabaseSettings;

/** The knowledge base against the real store (H2 on disk), real Lucene and the real offline model. */
class KnowledgeServiceTest {
    static OnnxMiniLmEmbeddingModel offline;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Database database;
    JdbcDatasetStore store;
    DatasetIndexes indexes;
    Models models;
    KnowledgeService kb;

    @BeforeAll
    static void loadModel() {
        offline = new OnnxMiniLmEmbeddingModel(1);
    }

    @AfterAll
    static void closeModel() {
        offline.close();
    }

    @BeforeEach
    void open() {
        database = new Database(DatabaseSettings.embedded(tmp.resolve("data"), 4));
        store = new JdbcDatasetStore(database);
        indexes = new DatasetIndexes(tmp.resolve("data/knowledge"));
        models = new Models("tributary/onnx", "all-MiniLM-L6-v2");
        models.addEmbedding("tributary/onnx", "all-MiniLM-L6-v2", offline);
        kb = new KnowledgeService(store, indexes, models);
    }

    @AfterEach
    void close() {
        indexes.close();
        database.close();
    }

    Dataset dataset(String structure, String technique, String provider, String model) {
        return store.createDataset(new NewDataset("kb-" + structure, "", structure, technique, provider, model, 10,
                Map.of(), null, ""));
    }

    DocumentRecord document(Dataset d, String name) {
        return store.createDocuments(d.id(), "20260101000000123456", "rag-pipeline",
                List.of(new NewDocument(name, "local_file", Map.of())), null).get(0);
    }

    static RetrievalSettings settings(String method, int topK) {
        return new RetrievalSettings(method, topK, null, false, "weighted_score", "", "", 0.7, 0.3);
    }

    static List<NewSegment> texts(String... contents) {
        return java.util.Arrays.stream(contents).map(c -> new NewSegment(c, null, List.of())).toList();
    }

    @Test
    void indexesIntoStoreAndLuceneAndRetrievesWithTheDocument() throws Exception {
        Dataset d = dataset("text_model", "high_quality", "", "");
        DocumentRecord doc = document(d, "guide.txt");
        List<SegmentRecord> written = kb.indexDocument(d.id(), doc.id(), texts(
                "Water boils at one hundred degrees Celsius at sea level.",
                "To reset your password, open the account settings and choose the recovery option.",
                "The library opens at nine in the morning on weekdays."));
        assertEquals(3, written.size());
        assertEquals(new HashSet<>(store.segmentIds(d.id())), kb.indexedSegmentIds(d.id()));

        List<RetrievalRecord> semantic = kb.retrieve(d.id(), "I forgot my login, how do I get back in?",
                settings("semantic_search", 2));
        assertEquals(2, semantic.size());
        assertEquals(written.get(1).id(), semantic.get(0).segment().id());
        assertEquals("guide.txt", semantic.get(0).document().name());
        assertTrue(semantic.get(0).score() > semantic.get(1).score());

        List<RetrievalRecord> text = kb.retrieve(d.id(), "boils Celsius", settings("full_text_search", 3));
        assertEquals(written.get(0).id(), text.get(0).segment().id());
        List<RetrievalRecord> hybrid = kb.retrieve(d.id(), "library weekdays", settings("hybrid_search", 1));
        assertEquals(written.get(2).id(), hybrid.get(0).segment().id());
    }

    @Test
    void reindexingLeavesOneSetAndRepairsAStoreAheadOfTheIndex() throws Exception {
        Dataset d = dataset("text_model", "high_quality", "", "");
        DocumentRecord doc = document(d, "a.txt");
        kb.indexDocument(d.id(), doc.id(), texts("alpha one", "alpha two"));
        kb.indexDocument(d.id(), doc.id(), texts("alpha one", "alpha two"));
        assertEquals(2, store.segmentIds(d.id()).size());
        assertEquals(new HashSet<>(store.segmentIds(d.id())), kb.indexedSegmentIds(d.id()));
        // a crash after the store write and before the index write: the store has a new set, the index the old
        store.replaceSegments(doc.id(), texts("alpha one", "alpha two", "alpha three"), Instant.now());
        assertFalse(new HashSet<>(store.segmentIds(d.id())).equals(kb.indexedSegmentIds(d.id())));
        // stale index entries are never returned: retrieval joins with the store
        kb.retrieve(d.id(), "alpha", settings("full_text_search", 10))
                .forEach(r -> assertTrue(store.segmentIds(d.id()).contains(r.segment().id())));
        // the pipeline runs the item again
        kb.indexDocument(d.id(), doc.id(), texts("alpha one", "alpha two", "alpha three"));
        assertEquals(3, kb.indexedSegmentIds(d.id()).size());
        assertEquals(new HashSet<>(store.segmentIds(d.id())), kb.indexedSegmentIds(d.id()));
        assertEquals(3, kb.retrieve(d.id(), "alpha", settings("full_text_search", 10)).size());
    }

    @Test
    void deletingADocumentRemovesItFromStoreAndIndex() throws Exception {
        Dataset d = dataset("text_model", "economy", "", "");
        DocumentRecord keep = document(d, "keep.txt");
        DocumentRecord drop = document(d, "drop.txt");
        kb.indexDocument(d.id(), keep.id(), texts("granite mountains"));
        kb.indexDocument(d.id(), drop.id(), texts("granite quarries"));
        assertEquals(2, kb.retrieve(d.id(), "granite", settings("keyword_search", 5)).size());
        assertFalse(kb.deleteDocument("other-dataset", drop.id()), "wrong dataset");
        assertTrue(kb.deleteDocument(d.id(), drop.id()));
        assertFalse(kb.deleteDocument(d.id(), drop.id()));
        List<RetrievalRecord> left = kb.retrieve(d.id(), "granite", settings("keyword_search", 5));
        assertEquals(1, left.size());
        assertEquals("keep.txt", left.get(0).document().name());
        assertEquals(new HashSet<>(store.segmentIds(d.id())), kb.indexedSegmentIds(d.id()));
        kb.deleteIndex(d.id());
        assertTrue(kb.indexedSegmentIds(d.id()).isEmpty());
    }

    @Test
    void economyDatasetsHaveNoVectorsAndRefuseSemanticSearch() throws Exception {
        Dataset d = dataset("text_model", "economy", "", "");
        DocumentRecord doc = document(d, "e.txt");
        kb.indexDocument(d.id(), doc.id(), texts("economy indexes only words"));
        KnowledgeException e = assertThrows(KnowledgeException.class,
                () -> kb.retrieve(d.id(), "words", settings("semantic_search", 3)));
        assertTrue(e.getMessage().contains("high_quality"), e.getMessage());
        assertThrows(KnowledgeException.class, () -> kb.retrieve(d.id(), "words", settings("hybrid_search", 3)));
        assertEquals(1, kb.retrieve(d.id(), "words", settings("full_text_search", 3)).size());
        assertThrows(KnowledgeException.class, () -> kb.retrieve(d.id(), " ", settings("full_text_search", 3)));
        assertThrows(KnowledgeException.class, () -> kb.retrieve("no-such-dataset", "x", settings("full_text_search", 3)));
        assertThrows(KnowledgeException.class, () -> kb.indexDocument(d.id(), "no-such-doc", texts("x")));
        assertThrows(KnowledgeException.class, () -> kb.indexDocument(d.id(), doc.id(), texts("ok", " ")));
    }

    @Test
    void hierarchicalDatasetsMatchChildChunks() throws Exception {
        Dataset d = dataset("hierarchical_model", "high_quality", "", "");
        DocumentRecord doc = document(d, "bees.md");
        List<SegmentRecord> written = kb.indexDocument(d.id(), doc.id(), List.of(
                new NewSegment("Bees collect nectar. The hive keeps honey for winter. Drones mate with the queen.",
                        null, List.of("Bees collect nectar.", "The hive keeps honey for winter.",
                                "Drones mate with the queen.")),
                new NewSegment("Trains run on rails. Timetables list departures.", null,
                        List.of("Trains run on rails.", "Timetables list departures."))));
        assertEquals(2, kb.indexedSegmentIds(d.id()).size(), "parents only");
        RetrievalRecord top = kb.retrieve(d.id(), "Where is honey stored in the cold season?",
                settings("semantic_search", 1)).get(0);
        assertEquals(written.get(0).id(), top.segment().id());
        assertEquals("The hive keeps honey for winter.", top.childChunks().get(0).chunk().content());
        assertEquals(top.score(), top.childChunks().get(0).score(), 1e-9);
        RetrievalRecord text = kb.retrieve(d.id(), "timetables", settings("full_text_search", 1)).get(0);
        assertEquals(written.get(1).id(), text.segment().id());
        assertEquals(1, text.childChunks().size());
        assertEquals("Timetables list departures.", text.childChunks().get(0).chunk().content());
    }

    @Test
    void qaDatasetsEmbedTheQuestionAndSearchTheAnswerText() throws Exception {
        Dataset d = dataset("qa_model", "high_quality", "", "");
        DocumentRecord doc = document(d, "faq.csv");
        kb.indexDocument(d.id(), doc.id(), List.of(
                new NewSegment("How long does shipping take?", "Parcels arrive within five working days.", null),
                new NewSegment("Can I pay by invoice?", "Invoices are accepted for business customers.", null)));
        assertEquals("How long does shipping take?",
                kb.retrieve(d.id(), "delivery time for my order", settings("semantic_search", 1)).get(0).segment()
                        .content());
        RetrievalRecord byAnswer = kb.retrieve(d.id(), "business customers", settings("full_text_search", 1)).get(0);
        assertEquals("Invoices are accepted for business customers.", byAnswer.segment().answer());
    }

    /** A local server speaking OpenAI embeddings (vectors from the offline model) and Jina rerank. */
    static HttpServer modelServer(AtomicInteger embedCalls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", ex -> {
            try (ex) {
                embedCalls.incrementAndGet();
                JsonNode req = JSON.readTree(ex.getRequestBody());
                List<String> input = new ArrayList<>();
                req.path("input").forEach(n -> input.add(n.asText()));
                List<float[]> vectors = offline.embed(input);
                List<Map<String, Object>> data = new ArrayList<>();
                for (int i = 0; i < vectors.size(); i++) {
                    data.add(Map.of("index", i, "embedding", vectors.get(i)));
                }
                byte[] body = JSON.writeValueAsBytes(Map.of("data", data));
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            } catch (KnowledgeException e) {
                throw new IOException(e);
            }
        });
        server.createContext("/v1/rerank", ex -> {
            try (ex) {
                // prefers the document that mentions "invoice", whatever the query
                JsonNode req = JSON.readTree(ex.getRequestBody());
                List<Map<String, Object>> results = new ArrayList<>();
                for (int i = 0; i < req.path("documents").size(); i++) {
                    boolean invoice = req.path("documents").get(i).asText().toLowerCase().contains("invoice");
                    results.add(Map.of("index", i, "relevance_score", invoice ? 0.98 : 0.02));
                }
                results.sort((a, b) -> Double.compare((double) b.get("relevance_score"),
                        (double) a.get("relevance_score")));
                byte[] body = JSON.writeValueAsString(Map.of("results", results)).getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void theDatasetsNamedEmbeddingModelIsUsedElseTheDefault() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = modelServer(calls);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            models.addEmbedding("langgenius/openai/openai", "text-embedding-3-small",
                    new OpenAiEmbeddingModel(base, "sk", "text-embedding-3-small", 0, 16, Duration.ofSeconds(30)));
            Dataset named = dataset("text_model", "high_quality", "langgenius/openai/openai", "text-embedding-3-small");
            kb.indexDocument(named.id(), document(named, "n.txt").id(), texts("remote vectors here"));
            assertEquals(1, calls.get(), "the dataset's own model");
            Dataset other = dataset("text_model", "high_quality", "langgenius/cohere/cohere", "embed-v4");
            kb.indexDocument(other.id(), document(other, "o.txt").id(), texts("offline vectors here"));
            assertEquals(1, calls.get(), "an unknown model falls back to the offline default");
            assertEquals(1, kb.retrieve(other.id(), "offline vectors", settings("semantic_search", 1)).size());
            models.setDefault("nobody", "nothing");
            assertThrows(KnowledgeException.class,
                    () -> kb.retrieve(other.id(), "offline vectors", settings("semantic_search", 1)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rerankingModelModeReordersByTheRerankService() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = modelServer(calls);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Dataset d = dataset("text_model", "high_quality", "", "");
            kb.indexDocument(d.id(), document(d, "r.txt").id(), texts("Shipping takes five days.",
                    "Pay by invoice as a business customer.", "Shipping is free above fifty euros."));
            RetrievalSettings rerank = new RetrievalSettings("hybrid_search", 2, 0.5, true, "reranking_model",
                    "langgenius/jina/jina", "jina-reranker-v2-base-multilingual", 0.7, 0.3);
            // without a rerank model at hand: weighted scores, shipping first
            List<RetrievalRecord> weighted = kb.retrieve(d.id(), "shipping",
                    new RetrievalSettings("hybrid_search", 2, null, true, "reranking_model", "langgenius/jina/jina",
                            "jina-reranker-v2-base-multilingual", 0.7, 0.3));
            assertTrue(weighted.get(0).segment().content().startsWith("Shipping"));
            models.addRerank("langgenius/jina/jina", "jina-reranker-v2-base-multilingual",
                    new HttpRerankModel(base, "jk", "jina-reranker-v2-base-multilingual", Duration.ofSeconds(10)));
            List<RetrievalRecord> reranked = kb.retrieve(d.id(), "shipping", rerank);
            assertEquals(1, reranked.size(), "the threshold applies to the rerank scores");
            assertEquals("Pay by invoice as a business customer.", reranked.get(0).segment().content());
            assertEquals(0.98, reranked.get(0).score(), 1e-9);
        } finally {
            server.stop(0);
        }
    }
}
