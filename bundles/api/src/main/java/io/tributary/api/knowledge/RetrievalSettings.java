package io.tributary.api.knowledge;

/**
 * How to search a dataset (Dify's {@code retrieval_model}).
 *
 * @param searchMethod      {@code semantic_search}, {@code full_text_search}, {@code hybrid_search} or
 *                          {@code keyword_search}
 * @param topK              how many records at most
 * @param scoreThreshold    records scoring below are dropped; {@code null} when {@code score_threshold_enabled} is
 *                          false
 * @param rerankingEnable   whether to rerank
 * @param rerankingMode     {@code reranking_model} or {@code weighted_score}
 * @param rerankProvider    the rerank model's provider ({@code reranking_model.reranking_provider_name}); may be
 *                          empty
 * @param rerankModel       the rerank model's name; may be empty
 * @param vectorWeight      weight of the semantic score in {@code weighted_score} hybrid mode (0..1)
 * @param keywordWeight     weight of the full-text score in {@code weighted_score} hybrid mode (0..1)
 */
public record RetrievalSettings(String searchMethod, int topK, Double scoreThreshold, boolean rerankingEnable,
                                String rerankingMode, String rerankProvider, String rerankModel,
                                double vectorWeight, double keywordWeight) {

    /** Semantic search, top 4 (Dify's UI default), no threshold, no reranking, weights 0.7/0.3. */
    public static RetrievalSettings defaults() {
        return new RetrievalSettings("semantic_search", 4, null, false, "reranking_model", "", "", 0.7, 0.3);
    }
}
