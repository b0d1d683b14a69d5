package io.tributary.knowledge.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RerankModel;

/** The Jina/OpenAI-style rerank wire format against a local server. */
class HttpRerankModelTest {

    /** Scores each document by how many query words it contains (like a real reranker, best first, top_n). */
    static LocalJsonServer.Answer rerank(JsonNode req) {
        String[] words = req.path("query").asText().toLowerCase().split("\\s+");
        List<Map<String, Object>> results = new ArrayList<>();
        JsonNode docs = req.path("documents");
        for (int i = 0; i < docs.size(); i++) {
            String d = docs.get(i).asText().toLowerCase();
            long hits = java.util.Arrays.stream(words).filter(d::contains).count();
            results.add(Map.of("index", i, "relevance_score", (double) hits / words.length,
                    "document", Map.of("text", docs.get(i).asText())));
        }
        results.sort((a, b) -> Double.compare((double) b.get("relevance_score"), (double) a.get("relevance_score")));
        int topN = req.path("top_n").asInt(results.size());
        return new LocalJsonServer.Answer(200, Map.of("model", req.path("model").asText(),
                "results", results.subList(0, Math.min(topN, results.size())), "usage", Map.of("total_tokens", 10)));
    }

    @Test
    void rerankReturnsScoresBestFirst() throws Exception {
        try (LocalJsonServer server = new LocalJsonServer("/v1/rerank", HttpRerankModelTest::rerank)) {
            HttpRerankModel model = new HttpRerankModel(server.base(), "jina_key", "jina-reranker-v2-base-multilingual",
                    Duration.ofSeconds(5));
            List<RerankModel.Score> scores = model.rerank("green apple pie",
                    List.of("a red car", "apple pie with green apples", "green tea"));
            assertEquals(List.of(1, 2, 0), scores.stream().map(RerankModel.Score::index).toList());
            assertEquals(1.0, scores.get(0).relevance(), 1e-9);
            LocalJsonServer.Exchange req = server.requests.get(0);
            assertEquals("Bearer jina_key", req.authorization());
            assertEquals("green apple pie", req.body().path("query").asText());
            assertEquals(3, req.body().path("documents").size());
            assertEquals(3, req.body().path("top_n").asInt());
            assertEquals("jina-reranker-v2-base-multilingual", req.body().path("model").asText());
            assertTrue(model.rerank("q", List.of()).isEmpty());
        }
    }

    @Test
    void malformedAnswersAreClearErrors() throws Exception {
        try (LocalJsonServer server = new LocalJsonServer("/v1/rerank", req -> new LocalJsonServer.Answer(200,
                Map.of("results", List.of(Map.of("index", 7, "relevance_score", 0.5)))))) {
            HttpRerankModel model = new HttpRerankModel(server.base(), "", "m", Duration.ofSeconds(5));
            assertThrows(KnowledgeException.class, () -> model.rerank("q", List.of("a")));
        }
        try (LocalJsonServer server = new LocalJsonServer("/v1/rerank",
                req -> new LocalJsonServer.Answer(500, "not json"))) {
            HttpRerankModel model = new HttpRerankModel(server.base(), "", "m", Duration.ofSeconds(5));
            KnowledgeException e = assertThrows(KnowledgeException.class, () -> model.rerank("q", List.of("a")));
            assertTrue(e.getMessage().contains("500"), e.getMessage());
        }
    }
}
