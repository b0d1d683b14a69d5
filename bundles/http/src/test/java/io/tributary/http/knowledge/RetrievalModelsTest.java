package io.tributary.http.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.http.ApiException;

class RetrievalModelsTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> m = new HashMap<>();
        m.put("search_method", "hybrid_search");
        m.put("reranking_enable", false);
        m.put("top_k", 5);
        m.put("score_threshold_enabled", false);
        return m;
    }

    private static String failure(Map<String, Object> m) {
        ApiException e = assertThrows(ApiException.class, () -> RetrievalModels.fromRequest(m));
        assertEquals(400, e.status());
        assertEquals("invalid_param", e.code());
        return e.getMessage();
    }

    @Test
    void aCompleteWeightedScoreModelMapsEveryField() {
        Map<String, Object> m = minimal();
        m.put("reranking_mode", "weighted_score");
        m.put("score_threshold_enabled", true);
        m.put("score_threshold", 0.25);
        m.put("reranking_model", Map.of("reranking_provider_name", "jina/rerank", "reranking_model_name", "m1"));
        m.put("weights", Map.of("weight_type", "customized", "vector_setting", Map.of("vector_weight", 0.4),
                "keyword_setting", Map.of("keyword_weight", 0.6)));
        RetrievalSettings s = RetrievalModels.fromRequest(m);
        assertEquals(new RetrievalSettings("hybrid_search", 5, 0.25, false, "weighted_score", "jina/rerank", "m1", 0.4,
                0.6), s);
    }

    @Test
    void theThresholdCountsOnlyWhenEnabled() {
        Map<String, Object> m = minimal();
        m.put("score_threshold", 0.9);
        assertNull(RetrievalModels.fromRequest(m).scoreThreshold());
    }

    @Test
    void requiredFieldsAreNamed() {
        for (String field : List.of("search_method", "reranking_enable", "top_k", "score_threshold_enabled")) {
            Map<String, Object> m = minimal();
            m.remove(field);
            assertEquals("retrieval_model." + field + " is required.", failure(m), field);
        }
    }

    @Test
    void wrongTypesEnumsAndRangesAreRefusedNamingTheField() {
        Map<String, Object> m = minimal();
        m.put("search_method", "vector");
        assertTrue(failure(m).startsWith("retrieval_model.search_method must be one of"));
        m = minimal();
        m.put("top_k", "3");
        assertEquals("retrieval_model.top_k must be an integer.", failure(m));
        m = minimal();
        m.put("top_k", 2.5);
        assertEquals("retrieval_model.top_k must be an integer.", failure(m));
        m = minimal();
        m.put("top_k", 0);
        assertTrue(failure(m).startsWith("retrieval_model.top_k must be between 1"));
        m = minimal();
        m.put("top_k", new java.math.BigInteger("99999999999999999999999"));
        assertTrue(failure(m).startsWith("retrieval_model.top_k must be between 1"));
        m = minimal();
        m.put("reranking_enable", "yes");
        assertEquals("retrieval_model.reranking_enable must be a boolean.", failure(m));
        m = minimal();
        m.put("score_threshold_enabled", true);
        m.put("score_threshold", 1.5);
        assertTrue(failure(m).startsWith("retrieval_model.score_threshold must be between"));
        m = minimal();
        m.put("reranking_mode", "best");
        assertTrue(failure(m).startsWith("retrieval_model.reranking_mode must be one of"));
        m = minimal();
        m.put("weights", Map.of("vector_setting", Map.of("vector_weight", "high")));
        assertEquals("retrieval_model.weights.vector_setting.vector_weight must be a number.", failure(m));
        m = minimal();
        m.put("reranking_model", List.of());
        assertEquals("retrieval_model.reranking_model must be an object.", failure(m));
    }

    @Test
    void aDatasetsStoredModelIsReadLeniently() {
        assertEquals(RetrievalSettings.defaults(), RetrievalModels.fromDataset(Map.of()));
        assertEquals(RetrievalSettings.defaults(), RetrievalModels.fromDataset(null));
        RetrievalSettings s = RetrievalModels.fromDataset(Map.of("search_method", "full_text_search", "top_k", 3));
        assertEquals("full_text_search", s.searchMethod());
        assertEquals(3, s.topK());
        assertEquals(RetrievalSettings.defaults(), RetrievalModels.fromDataset(Map.of("search_method", "nonsense")));
    }
}
