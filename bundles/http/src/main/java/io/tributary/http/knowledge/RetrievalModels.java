package io.tributary.http.knowledge;

import java.util.List;
import java.util.Map;

import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.http.ApiException;
import io.tributary.http.JsonFields;

/**
 * Dify's {@code retrieval_model} object as {@link RetrievalSettings}. A request's object is checked strictly
 * ({@code search_method}, {@code reranking_enable}, {@code top_k} and {@code score_threshold_enabled} required,
 * every field of its JSON type, enums and ranges); a dataset's stored object is read leniently, missing fields
 * taking the defaults.
 */
public final class RetrievalModels {
    public static final List<String> SEARCH_METHODS = List.of("keyword_search", "semantic_search", "full_text_search",
            "hybrid_search");
    public static final List<String> RERANKING_MODES = List.of("reranking_model", "weighted_score");
    /** Largest {@code top_k} accepted. */
    public static final int MAX_TOP_K = 100;

    private RetrievalModels() {
    }

    /** A request's {@code retrieval_model}; 400 {@code invalid_param} naming the first bad field. */
    public static RetrievalSettings fromRequest(Map<String, Object> m) {
        return read(m, true);
    }

    /** A dataset's stored {@code retrieval_model}; defaults for whatever is missing or malformed. */
    public static RetrievalSettings fromDataset(Map<String, Object> m) {
        if (m == null || m.isEmpty()) {
            return RetrievalSettings.defaults();
        }
        try {
            return read(m, false);
        } catch (ApiException e) {
            return RetrievalSettings.defaults();
        }
    }

    private static RetrievalSettings read(Map<String, Object> m, boolean strict) {
        RetrievalSettings d = RetrievalSettings.defaults();
        Prefixed f = new Prefixed("retrieval_model.");
        String method = strict ? f.call(() -> JsonFields.requiredEnum(m, "search_method", SEARCH_METHODS))
                : f.call(() -> JsonFields.optionalEnum(m, "search_method", SEARCH_METHODS, d.searchMethod()));
        boolean rerank = strict ? f.call(() -> JsonFields.requiredBool(m, "reranking_enable"))
                : f.call(() -> JsonFields.optionalBool(m, "reranking_enable", false));
        if (strict && m.get("top_k") == null) {
            throw ApiException.badRequest("invalid_param", "retrieval_model.top_k is required.");
        }
        int topK = f.call(() -> JsonFields.optionalInt(m, "top_k", d.topK(), 1, MAX_TOP_K));
        boolean thresholdEnabled = strict ? f.call(() -> JsonFields.requiredBool(m, "score_threshold_enabled"))
                : f.call(() -> JsonFields.optionalBool(m, "score_threshold_enabled", false));
        Double threshold = f.call(() -> JsonFields.optionalNumber(m, "score_threshold", 0, 1));
        String mode = f.call(() -> JsonFields.optionalEnum(m, "reranking_mode", RERANKING_MODES, "reranking_model"));
        Map<String, Object> model = f.call(() -> JsonFields.optionalObject(m, "reranking_model"));
        String provider = "";
        String modelName = "";
        if (model != null) {
            Prefixed g = new Prefixed("retrieval_model.reranking_model.");
            provider = nullToEmpty(g.call(() -> optionalString(model, "reranking_provider_name")));
            modelName = nullToEmpty(g.call(() -> optionalString(model, "reranking_model_name")));
        }
        double vectorWeight = d.vectorWeight();
        double keywordWeight = d.keywordWeight();
        Map<String, Object> weights = f.call(() -> JsonFields.optionalObject(m, "weights"));
        if (weights != null) {
            Prefixed w = new Prefixed("retrieval_model.weights.");
            Map<String, Object> vector = w.call(() -> JsonFields.optionalObject(weights, "vector_setting"));
            Map<String, Object> keyword = w.call(() -> JsonFields.optionalObject(weights, "keyword_setting"));
            if (vector != null) {
                Double v = new Prefixed("retrieval_model.weights.vector_setting.")
                        .call(() -> JsonFields.optionalNumber(vector, "vector_weight", 0, 1));
                vectorWeight = v == null ? vectorWeight : v;
            }
            if (keyword != null) {
                Double k = new Prefixed("retrieval_model.weights.keyword_setting.")
                        .call(() -> JsonFields.optionalNumber(keyword, "keyword_weight", 0, 1));
                keywordWeight = k == null ? keywordWeight : k;
            }
        }
        if (strict && thresholdEnabled && threshold == null) {
            throw ApiException.badRequest("invalid_param",
                    "retrieval_model.score_threshold is required when score_threshold_enabled is true.");
        }
        return new RetrievalSettings(method, topK, thresholdEnabled ? (threshold == null ? 0.0 : threshold) : null,
                rerank, mode, provider, modelName, vectorWeight, keywordWeight);
    }

    private static String optionalString(Map<String, Object> m, String field) {
        return m.get(field) == null ? null : JsonFields.requiredString(m, field);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Runs a field read and puts the object's path in front of the field name in its error message. */
    private record Prefixed(String prefix) {
        <T> T call(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (ApiException e) {
                throw ApiException.badRequest(e.code(), prefix + e.getMessage());
            }
        }
    }
}
