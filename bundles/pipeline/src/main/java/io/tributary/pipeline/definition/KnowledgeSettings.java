package io.tributary.pipeline.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.model.Problem;
import io.tributary.api.knowledge.ChunkStructure;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.JsonValues;

/**
 * A dataset's indexing settings as the knowledge-index node of its pipeline declares them (Dify's
 * {@code KnowledgeConfiguration}), with Dify's defaults for what the node leaves out.
 */
public record KnowledgeSettings(String chunkStructure, String indexingTechnique, String embeddingModelProvider,
                                String embeddingModel, int keywordNumber, Map<String, Object> retrievalModel) {

    static final Set<String> TECHNIQUES = Set.of("high_quality", "economy");
    static final Set<String> SEARCH_METHODS = Set.of("semantic_search", "full_text_search", "hybrid_search",
            "keyword_search");
    /** Dify's {@code keyword_number} default. */
    static final int DEFAULT_KEYWORD_NUMBER = 10;
    /** The {@code top_k} of Dify's pipeline templates. */
    static final int DEFAULT_TOP_K = 3;

    public KnowledgeSettings {
        retrievalModel = JsonValues.freeze(retrievalModel);
    }

    /**
     * Reads the settings of a knowledge-index node, adding a problem (on that node) for each bad field.
     *
     * @return the settings, or {@code null} when a problem was found
     */
    public static KnowledgeSettings of(GraphNode node, List<Problem> problems) {
        int before = problems.size();
        Map<String, Object> d = node.data();
        String structure = string(d.get("chunk_structure"));
        if (ChunkStructure.fromWire(structure) == null) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.chunk_structure",
                    "chunk_structure must be text_model, hierarchical_model or qa_model"));
        }
        String technique = d.get("indexing_technique") == null ? "high_quality" : string(d.get("indexing_technique"));
        if (!TECHNIQUES.contains(technique)) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.indexing_technique",
                    "indexing_technique must be high_quality or economy"));
        }
        if ("qa_model".equals(structure) && "economy".equals(technique)) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.indexing_technique",
                    "Indexing technique must be high quality."));
        }
        int keywords = DEFAULT_KEYWORD_NUMBER;
        Object kn = d.get("keyword_number");
        if (kn instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 0) {
            keywords = n.intValue();
        } else if (kn != null) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.keyword_number",
                    "keyword_number must be a whole number of at least 0"));
        }
        Map<String, Object> retrieval = retrieval(node, d.get("retrieval_model"), problems);
        if (problems.size() > before) {
            return null;
        }
        return new KnowledgeSettings(structure, technique, string(d.get("embedding_model_provider")),
                string(d.get("embedding_model")), keywords, retrieval);
    }

    /** Dify's {@code default_retrieval_model}, used when the node has no {@code retrieval_model}. */
    static Map<String, Object> defaultRetrieval() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search_method", "semantic_search");
        m.put("reranking_enable", false);
        m.put("reranking_model", Map.of("reranking_provider_name", "", "reranking_model_name", ""));
        m.put("top_k", 2);
        m.put("score_threshold_enabled", false);
        return m;
    }

    private static Map<String, Object> retrieval(GraphNode node, Object raw, List<Problem> problems) {
        if (raw == null) {
            return defaultRetrieval();
        }
        if (!(raw instanceof Map<?, ?> given)) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.retrieval_model", "retrieval_model must be an object"));
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        given.forEach((k, v) -> m.put(String.valueOf(k), v));
        Object method = m.get("search_method");
        if (!(method instanceof String s) || !SEARCH_METHODS.contains(s)) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.retrieval_model.search_method",
                    "search_method must be semantic_search, full_text_search, hybrid_search or keyword_search"));
        }
        Object topK = m.putIfAbsent("top_k", DEFAULT_TOP_K);
        if (topK != null && !(topK instanceof Number n && n.intValue() > 0 && n.doubleValue() == n.intValue())) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.retrieval_model.top_k",
                    "top_k must be a whole number of at least 1"));
        }
        Object threshold = m.putIfAbsent("score_threshold", 0.5);
        if (threshold != null && !(threshold instanceof Number)) {
            problems.add(Problem.ofNode(Problem.PIPELINE, node.id(), "data.retrieval_model.score_threshold",
                    "score_threshold must be a number"));
        }
        m.putIfAbsent("score_threshold_enabled", false);
        m.putIfAbsent("reranking_mode", "reranking_model");
        // Dify's RetrievalSetting defaults reranking_enable to true, which fails at query time when no rerank
        // model is set; it is on by default here only when the node names one.
        m.putIfAbsent("reranking_enable", m.get("reranking_model") instanceof Map<?, ?> rm
                && rm.get("reranking_model_name") instanceof String name && !name.isBlank());
        return m;
    }

    private static String string(Object o) {
        return o instanceof String s ? s : o == null ? "" : String.valueOf(o);
    }
}
