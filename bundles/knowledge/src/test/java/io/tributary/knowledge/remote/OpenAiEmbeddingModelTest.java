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

/** The OpenAI embeddings wire format against a local server. */
class OpenAiEmbeddingModelTest {

    /** Answers like OpenAI: one item per input, in reverse order (clients must use index), unnormalised. */
    static LocalJsonServer.Answer embeddings(JsonNode req) {
        List<Map<String, Object>> data = new ArrayList<>();
        JsonNode input = req.path("input");
        for (int i = input.size() - 1; i >= 0; i--) {
            double len = input.get(i).asText().length();
            data.add(Map.of("object", "embedding", "index", i, "embedding", List.of(len, 0.0, 0.0, len)));
        }
        return new LocalJsonServer.Answer(200, Map.of("object", "list", "data", data, "model",
                req.path("model").asText(), "usage", Map.of("prompt_tokens", 3, "total_tokens", 3)));
    }

    @Test
    void sendsTheRequestAndReadsVectorsByIndexNormalised() throws Exception {
        try (LocalJsonServer server = new LocalJsonServer("/v1/embeddings", OpenAiEmbeddingModelTest::embeddings)) {
            OpenAiEmbeddingModel model = new OpenAiEmbeddingModel(server.base() + "/", "sk-test",
                    "text-embedding-3-small", 0, 2, Duration.ofSeconds(5));
            List<float[]> v = model.embed(List.of("a", "bb", "ccc"));
            assertEquals(3, v.size());
            for (float[] x : v) {
                assertEquals(4, x.length);
                assertEquals((float) Math.sqrt(0.5), x[0], 1e-6);
            }
            assertEquals(4, model.dimensions());
            assertEquals(2, server.requests.size(), "batches of 2");
            LocalJsonServer.Exchange first = server.requests.get(0);
            assertEquals("/v1/embeddings", first.path());
            assertEquals("Bearer sk-test", first.authorization());
            assertEquals("text-embedding-3-small", first.body().path("model").asText());
            assertEquals("float", first.body().path("encoding_format").asText());
            assertEquals(2, first.body().path("input").size());
            assertTrue(first.body().path("dimensions").isMissingNode());
        }
    }

    @Test
    void errorsCarryTheServicesMessage() throws Exception {
        try (LocalJsonServer server = new LocalJsonServer("/v1/embeddings", req -> new LocalJsonServer.Answer(401,
                Map.of("error", Map.of("message", "Incorrect API key provided", "type", "invalid_request_error"))))) {
            OpenAiEmbeddingModel model = new OpenAiEmbeddingModel(server.base(), "bad", "m", 0, 8,
                    Duration.ofSeconds(5));
            KnowledgeException e = assertThrows(KnowledgeException.class, () -> model.embed(List.of("x")));
            assertTrue(e.getMessage().contains("401") && e.getMessage().contains("Incorrect API key"), e.getMessage());
        }
    }

    @Test
    void wrongCountsAndDimensionsAreRefused() throws Exception {
        try (LocalJsonServer server = new LocalJsonServer("/v1/embeddings", req -> new LocalJsonServer.Answer(200,
                Map.of("data", List.of(Map.of("index", 0, "embedding", List.of(1.0, 0.0))))))) {
            OpenAiEmbeddingModel model = new OpenAiEmbeddingModel(server.base(), "", "m", 0, 8, Duration.ofSeconds(5));
            assertThrows(KnowledgeException.class, () -> model.embed(List.of("x", "y")));
            OpenAiEmbeddingModel fixed = new OpenAiEmbeddingModel(server.base(), "", "m", 3, 8, Duration.ofSeconds(5));
            KnowledgeException e = assertThrows(KnowledgeException.class, () -> fixed.embed(List.of("x")));
            assertTrue(e.getMessage().contains("expected 3"), e.getMessage());
            assertEquals(3, server.requests.get(1).body().path("dimensions").asInt());
        }
        OpenAiEmbeddingModel unreachable = new OpenAiEmbeddingModel("http://127.0.0.1:1/v1", "", "m", 0, 8,
                Duration.ofSeconds(2));
        assertThrows(KnowledgeException.class, () -> unreachable.embed(List.of("x")));
        assertThrows(IllegalArgumentException.class,
                () -> new OpenAiEmbeddingModel("ftp://x", "", "m", 0, 8, Duration.ofSeconds(1)));
    }
}
