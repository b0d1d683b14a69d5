package io.tributary.knowledge.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.knowledge.embedding.OnnxMiniLmEmbeddingModel;
import io.tributary.knowledge.index.DatasetIndex;
import io.tributary.knowledge.index.DatasetIndexes;
import io.tributary.knowledge.index.IndexEntry;

/** Retrieval over a real Lucene index on disk with vectors from the real offline model. */
class RetrieverTest {
    static OnnxMiniLmEmbeddingModel model;

    static final List<String> CORPUS = List.of(
            "The Eiffel Tower was completed in 1889 and stands on the Champ de Mars in Paris.",
            "Photosynthesis converts light energy into chemical energy stored in glucose.",
            "To reset your password, open the account settings and choose the recovery option.",
            "The Pacific Ocean is the largest and deepest of the world's oceanic divisions.",
            "Espresso is brewed by forcing hot water through finely ground coffee beans.",
            "A mortgage is a loan secured by real estate that the borrower repays in instalments.",
            "Volcanic eruptions eject lava, ash and gases from the interior of the Earth.",
            "Quarterly revenue grew by twelve percent thanks to strong subscription sales.",
            "The zebra crossing marks the place where pedestrians may cross the street safely.",
            "Tributary indexes every segment with BM25 so that exact sentences are easy to find.");

    @TempDir
    Path tmp;
    DatasetIndexes indexes;
    DatasetIndex index;
    final Retriever retriever = new Retriever();
    final Map<String, String> retrievable = new HashMap<>();
    final SegmentSource source = ids -> {
        Map<String, String> m = new HashMap<>();
        for (String id : ids) {
            if (retrievable.containsKey(id)) {
                m.put(id, retrievable.get(id));
            }
        }
        return m;
    };

    @BeforeAll
    static void loadModel() {
        model = new OnnxMiniLmEmbeddingModel(1);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @BeforeEach
    void open() throws Exception {
        indexes = new DatasetIndexes(tmp.resolve("knowledge"));
        index = indexes.get("ds1");
        List<float[]> vectors = model.embed(CORPUS);
        List<IndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            entries.add(new IndexEntry("s" + i, "s" + i, IndexEntry.Kind.SEGMENT, CORPUS.get(i), vectors.get(i), true));
            retrievable.put("s" + i, CORPUS.get(i));
        }
        index.replaceDocument("doc1", entries);
    }

    @AfterEach
    void close() {
        indexes.close();
    }

    static RetrievalSettings settings(String method, int topK, Double threshold, double vw, double kw) {
        return new RetrievalSettings(method, topK, threshold, false, "weighted_score", "", "", vw, kw);
    }

    List<RankedSegment> search(String query, RetrievalSettings s) throws Exception {
        return retriever.search(index, query, s, q -> model.embed(List.of(q)).get(0), null, source);
    }

    @Test
    void fullTextFindsAKnownSentenceFirstWithNormalisedScores() throws Exception {
        List<RankedSegment> hits = search("exact sentences BM25", settings("full_text_search", 3, null, 0, 1));
        assertEquals("s9", hits.get(0).segmentId());
        for (RankedSegment r : hits) {
            assertTrue(r.score() > 0 && r.score() <= 1, "score " + r.score());
        }
        // keyword_search runs the same BM25 path
        assertEquals("s9", search("exact sentences BM25", settings("keyword_search", 3, null, 0, 1)).get(0).segmentId());
        assertTrue(search("xylophone", settings("full_text_search", 3, null, 0, 1)).isEmpty());
    }

    @Test
    void semanticSearchRanksAParaphraseFirst() throws Exception {
        List<RankedSegment> hits = search("I forgot my login credentials, how can I recover access?",
                settings("semantic_search", 3, null, 1, 0));
        assertEquals("s2", hits.get(0).segmentId());
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertTrue(hits.get(0).score() <= 1.0);
        // no shared words with the answer: BM25 alone misses it
        List<RankedSegment> text = search("big sea", settings("full_text_search", 3, null, 0, 1));
        assertTrue(text.isEmpty(), "no term overlap");
        assertEquals("s3", search("big sea", settings("semantic_search", 1, null, 1, 0)).get(0).segmentId());
    }

    @Test
    void hybridWeightsDecideBetweenVectorAndKeywordWinners() throws Exception {
        // "coffee" appears literally only in s4; "tower" literally only in s0.
        String query = "coffee tower in Paris";
        List<RankedSegment> vectorOnly = search(query, settings("hybrid_search", 10, null, 1.0, 0.0));
        List<RankedSegment> keywordOnly = search(query, settings("hybrid_search", 10, null, 0.0, 1.0));
        List<RankedSegment> semantic = search(query, settings("semantic_search", 10, null, 1, 0));
        List<RankedSegment> fullText = search(query, settings("full_text_search", 10, null, 0, 1));
        assertEquals(semantic.get(0).segmentId(), vectorOnly.get(0).segmentId());
        assertEquals(semantic.get(0).score(), vectorOnly.get(0).score(), 1e-5);
        assertEquals(fullText.get(0).segmentId(), keywordOnly.get(0).segmentId());
        assertEquals(fullText.get(0).score(), keywordOnly.get(0).score(), 1e-5);
        // a mix: each score is the weighted sum of the two exact scores
        List<RankedSegment> mixed = search(query, settings("hybrid_search", 10, null, 0.7, 0.3));
        Map<String, Double> sem = scores(search(query, settings("semantic_search", 10, null, 1, 0)));
        Map<String, Double> txt = scores(fullText);
        for (RankedSegment r : mixed) {
            double expected = 0.7 * sem.getOrDefault(r.segmentId(), exactVector(query, r.segmentId()))
                    + 0.3 * txt.getOrDefault(r.segmentId(), 0.0);
            assertEquals(expected, r.score(), 1e-4, r.segmentId());
        }
        for (int i = 1; i < mixed.size(); i++) {
            assertTrue(mixed.get(i - 1).score() >= mixed.get(i).score());
        }
    }

    private double exactVector(String query, String id) throws Exception {
        return index.nearest(model.embed(List.of(query)).get(0), 1, Set.of(id)).get(0).score();
    }

    private static Map<String, Double> scores(List<RankedSegment> ranked) {
        Map<String, Double> m = new HashMap<>();
        ranked.forEach(r -> m.put(r.segmentId(), r.score()));
        return m;
    }

    @Test
    void thresholdAndTopK() throws Exception {
        String q = "ocean volcano coffee";
        List<RankedSegment> all = search(q, settings("semantic_search", 10, null, 1, 0));
        assertEquals(10, all.size());
        assertEquals(3, search(q, settings("semantic_search", 3, null, 1, 0)).size());
        double cut = all.get(4).score();
        List<RankedSegment> above = search(q, settings("semantic_search", 10, cut, 1, 0));
        assertEquals(5, above.size(), "scores " + scores(all));
        above.forEach(r -> assertTrue(r.score() >= cut));
        assertTrue(search(q, settings("semantic_search", 10, 1.0, 1, 0)).isEmpty());
        assertThrows(KnowledgeException.class, () -> search(q, settings("semantic_search", 0, null, 1, 0)));
        assertThrows(KnowledgeException.class, () -> search(q, settings("fuzzy_search", 3, null, 1, 0)));
        assertThrows(KnowledgeException.class, () -> search(q, settings("semantic_search", 3, 1.5, 1, 0)));
    }

    @Test
    void segmentsTheSourceRejectsAndDisabledEntriesAreLeftOut() throws Exception {
        retrievable.remove("s2");
        List<RankedSegment> hits = search("reset your password", settings("full_text_search", 10, null, 0, 1));
        assertTrue(hits.stream().noneMatch(r -> r.segmentId().equals("s2")));
        index.replaceDocument("doc2", List.of(new IndexEntry("x1", "x1", IndexEntry.Kind.SEGMENT,
                "hidden password text", model.embed(List.of("hidden password text")).get(0), false)));
        retrievable.put("x1", "hidden password text");
        assertTrue(search("hidden password", settings("hybrid_search", 10, null, 0.5, 0.5)).stream()
                .noneMatch(r -> r.segmentId().equals("x1")));
    }

    @Test
    void childChunksAreMatchedAndTheParentTakesTheBestChildsScore() throws Exception {
        List<String> children = List.of("Bees collect nectar from flowers.",
                "The hive keeps honey for the winter months.",
                "Drones exist only to mate with the queen.");
        List<float[]> vectors = model.embed(children);
        List<IndexEntry> entries = new ArrayList<>();
        entries.add(new IndexEntry("p1", "p1", IndexEntry.Kind.SEGMENT, null, null, true));
        for (int i = 0; i < children.size(); i++) {
            entries.add(new IndexEntry("c" + i, "p1", IndexEntry.Kind.CHILD, children.get(i), vectors.get(i), true));
        }
        index.replaceDocument("doc3", entries);
        retrievable.put("p1", String.join(" ", children));

        RankedSegment top = search("Where is honey stored during winter?", settings("semantic_search", 3, null, 1, 0))
                .get(0);
        assertEquals("p1", top.segmentId());
        assertEquals("c1", top.childHits().get(0).id());
        assertEquals(top.score(), top.childHits().get(0).score(), 1e-9);
        for (int i = 1; i < top.childHits().size(); i++) {
            assertTrue(top.childHits().get(i - 1).score() >= top.childHits().get(i).score());
        }
        RankedSegment text = search("queen drones", settings("full_text_search", 3, null, 0, 1)).get(0);
        assertEquals("p1", text.segmentId());
        assertEquals("c2", text.childHits().get(0).id());
        assertTrue(index.segmentIds().contains("p1"));
        assertTrue(!index.segmentIds().contains("c1"), "child chunks are not segments");
    }

    @Test
    void aQueryVectorOfAnotherLengthIsAClearError() {
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> retriever.search(index, "q",
                settings("semantic_search", 3, null, 1, 0), q -> new float[] {1, 0, 0}, null, source));
        assertTrue(e.getMessage().contains("384"), e.getMessage());
    }

    static Collection<String> ids(List<RankedSegment> r) {
        return r.stream().map(RankedSegment::segmentId).toList();
    }
}
