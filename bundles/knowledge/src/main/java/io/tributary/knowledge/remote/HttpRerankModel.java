package io.tributary.knowledge.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RerankModel;

/**
 * A Jina/OpenAI-style rerank client: {@code POST {base}/rerank} with {@code {model, query, documents, top_n}},
 * answer {@code {results:[{index, relevance_score}]}} (Jina, Cohere-compatible servers, Xinference, TEI's
 * OpenAI-style route). Scores are clamped to 0..1.
 */
public final class HttpRerankModel implements RerankModel {
    private final JsonHttp http;
    private final String model;

    public HttpRerankModel(String baseUrl, String apiKey, String model, Duration timeout) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("The rerank model name is required");
        }
        this.http = new JsonHttp(baseUrl, apiKey, timeout);
        this.model = model;
    }

    @Override
    public List<Score> rerank(String query, List<String> documents) throws KnowledgeException, InterruptedException {
        if (documents.isEmpty()) {
            return List.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("query", query);
        body.put("documents", documents);
        body.put("top_n", documents.size());
        JsonNode results = http.post("/rerank", body, "The rerank service").path("results");
        if (!results.isArray()) {
            throw new KnowledgeException("The rerank service answered without results");
        }
        List<Score> scores = new ArrayList<>(results.size());
        for (JsonNode r : results) {
            int index = r.path("index").asInt(-1);
            JsonNode score = r.path("relevance_score");
            if (index < 0 || index >= documents.size() || !score.isNumber()) {
                throw new KnowledgeException("The rerank service returned a malformed result: " + r);
            }
            scores.add(new Score(index, Math.max(0.0, Math.min(1.0, score.asDouble()))));
        }
        scores.sort(Comparator.comparingDouble(Score::relevance).reversed());
        return scores;
    }
}
