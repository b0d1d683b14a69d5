package io.tributary.knowledge.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RerankModel;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.knowledge.index.DatasetIndex;
import io.tributary.knowledge.index.IndexEntry;
import io.tributary.knowledge.index.IndexHit;

/**
 * Runs one retrieval over a dataset's index.
 *
 * <ol>
 * <li>Candidates: {@code semantic_search} takes the nearest vectors, {@code full_text_search} and
 * {@code keyword_search} the best BM25 matches, {@code hybrid_search} both; a pool of {@code 10 * top_k} entries
 * (at least 50, at most 1000) per method.</li>
 * <li>Hybrid: every candidate gets both scores exactly (the side that did not find it is searched again restricted
 * to those ids; an entry that has no vector or does not match any term scores 0 there), then
 * {@code vector_weight * semantic + keyword_weight * full_text}.</li>
 * <li>Entries are grouped by segment: a segment's score is its best entry's (for hierarchical datasets, its best
 * child chunk), its child hits are kept best first.</li>
 * <li>Segments the {@link SegmentSource} does not return (disabled, of a disabled document, deleted) are
 * dropped.</li>
 * <li>With {@code reranking_enable} and mode {@code reranking_model} and a rerank model at hand, the surviving
 * segments are scored again by the model on their text; its relevance becomes the score.</li>
 * <li>Then the score threshold, then {@code top_k}.</li>
 * </ol>
 */
public final class Retriever {
    /** The search methods understood. */
    public static final Set<String> METHODS =
            Set.of("semantic_search", "full_text_search", "keyword_search", "hybrid_search");

    /** Largest {@code top_k} accepted. */
    public static final int MAX_TOP_K = 100;

    /**
     * @param reranker the rerank model to use when the settings ask for one, or {@code null} when none is at hand
     *                 (then reranking mode falls back to the weighted scores)
     */
    public List<RankedSegment> search(DatasetIndex index, String query, RetrievalSettings settings,
                                      QueryEmbedder embedder, RerankModel reranker, SegmentSource source)
            throws KnowledgeException, InterruptedException {
        validate(settings);
        String method = settings.searchMethod();
        int pool = Math.min(1000, Math.max(50, settings.topK() * 10));
        boolean vectors = method.equals("semantic_search") || method.equals("hybrid_search");
        boolean text = !method.equals("semantic_search");
        try {
            List<IndexHit> hits;
            if (vectors && text) {
                hits = hybrid(index, query, embedder.embed(query), pool, settings);
            } else if (vectors) {
                hits = index.nearest(embedder.embed(query), pool, null);
            } else {
                hits = index.fullText(query, pool, null);
            }
            List<RankedSegment> ranked = group(hits);
            Map<String, String> texts = source.retrievable(ranked.stream().map(RankedSegment::segmentId).toList());
            ranked = new ArrayList<>(ranked.stream().filter(r -> texts.containsKey(r.segmentId())).toList());
            if (settings.rerankingEnable() && "reranking_model".equals(settings.rerankingMode()) && reranker != null) {
                ranked = rerank(reranker, query, ranked, texts);
            }
            Double threshold = settings.scoreThreshold();
            return ranked.stream()
                    .filter(r -> threshold == null || r.score() >= threshold)
                    .limit(settings.topK())
                    .toList();
        } catch (IOException e) {
            throw new KnowledgeException("Could not search the index: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KnowledgeException(e.getMessage(), e);
        }
    }

    private static void validate(RetrievalSettings s) throws KnowledgeException {
        if (s.searchMethod() == null || !METHODS.contains(s.searchMethod())) {
            throw new KnowledgeException("search_method must be one of semantic_search, full_text_search, "
                    + "keyword_search, hybrid_search; got " + s.searchMethod());
        }
        if (s.topK() < 1 || s.topK() > MAX_TOP_K) {
            throw new KnowledgeException("top_k must be between 1 and " + MAX_TOP_K + "; got " + s.topK());
        }
        if (s.scoreThreshold() != null && (s.scoreThreshold() < 0 || s.scoreThreshold() > 1
                || s.scoreThreshold().isNaN())) {
            throw new KnowledgeException("score_threshold must be between 0 and 1; got " + s.scoreThreshold());
        }
        if (s.vectorWeight() < 0 || s.keywordWeight() < 0 || Double.isNaN(s.vectorWeight())
                || Double.isNaN(s.keywordWeight())) {
            throw new KnowledgeException("vector_weight and keyword_weight must not be negative");
        }
    }

    private static List<IndexHit> hybrid(DatasetIndex index, String query, float[] vector, int pool,
                                         RetrievalSettings s) throws IOException {
        Map<String, IndexHit> byVector = byId(index.nearest(vector, pool, null));
        Map<String, IndexHit> byText = byId(index.fullText(query, pool, null));
        Set<String> missingVector = new HashSet<>(byText.keySet());
        missingVector.removeAll(byVector.keySet());
        Set<String> missingText = new HashSet<>(byVector.keySet());
        missingText.removeAll(byText.keySet());
        if (!missingVector.isEmpty()) {
            byVector.putAll(byId(index.nearest(vector, missingVector.size(), missingVector)));
        }
        if (!missingText.isEmpty()) {
            byText.putAll(byId(index.fullText(query, missingText.size(), missingText)));
        }
        Map<String, IndexHit> all = new LinkedHashMap<>(byVector);
        byText.forEach(all::putIfAbsent);
        List<IndexHit> merged = new ArrayList<>(all.size());
        for (IndexHit h : all.values()) {
            double v = byVector.containsKey(h.id()) ? byVector.get(h.id()).score() : 0;
            double k = byText.containsKey(h.id()) ? byText.get(h.id()).score() : 0;
            merged.add(new IndexHit(h.id(), h.segmentId(), h.kind(), s.vectorWeight() * v + s.keywordWeight() * k));
        }
        return merged;
    }

    private static Map<String, IndexHit> byId(List<IndexHit> hits) {
        Map<String, IndexHit> m = new LinkedHashMap<>();
        hits.forEach(h -> m.put(h.id(), h));
        return m;
    }

    /** Groups entry hits by segment, best segment first. */
    static List<RankedSegment> group(List<IndexHit> hits) {
        Map<String, List<IndexHit>> bySegment = new LinkedHashMap<>();
        for (IndexHit h : hits) {
            bySegment.computeIfAbsent(h.segmentId(), k -> new ArrayList<>()).add(h);
        }
        List<RankedSegment> out = new ArrayList<>(bySegment.size());
        for (Map.Entry<String, List<IndexHit>> e : bySegment.entrySet()) {
            List<IndexHit> entries = new ArrayList<>(e.getValue());
            entries.sort(Comparator.comparingDouble(IndexHit::score).reversed());
            List<IndexHit> children = entries.stream().filter(h -> h.kind() == IndexEntry.Kind.CHILD).toList();
            out.add(new RankedSegment(e.getKey(), entries.get(0).score(), children));
        }
        out.sort(Comparator.comparingDouble(RankedSegment::score).reversed());
        return out;
    }

    private static List<RankedSegment> rerank(RerankModel reranker, String query, List<RankedSegment> ranked,
                                              Map<String, String> texts)
            throws KnowledgeException, InterruptedException {
        if (ranked.isEmpty()) {
            return ranked;
        }
        List<String> documents = ranked.stream().map(r -> texts.get(r.segmentId())).toList();
        Map<Integer, Double> relevance = new HashMap<>();
        for (RerankModel.Score score : reranker.rerank(query, documents)) {
            relevance.merge(score.index(), score.relevance(), Math::max);
        }
        List<RankedSegment> out = new ArrayList<>(relevance.size());
        for (Map.Entry<Integer, Double> e : relevance.entrySet()) {
            RankedSegment r = ranked.get(e.getKey());
            out.add(new RankedSegment(r.segmentId(), e.getValue(), r.childHits()));
        }
        out.sort(Comparator.comparingDouble(RankedSegment::score).reversed());
        return out;
    }
}
