package io.tributary.knowledge.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real quantized MiniLM model on ONNX Runtime, no network. */
class OnnxMiniLmEmbeddingModelTest {
    static OnnxMiniLmEmbeddingModel model;

    @BeforeAll
    static void load() {
        model = new OnnxMiniLmEmbeddingModel(1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void producesUnitVectorsOf384Dimensions() throws Exception {
        List<float[]> v = model.embed(List.of("The quick brown fox jumps over the lazy dog.", "", "日本語のテキスト"));
        assertEquals(3, v.size());
        for (float[] x : v) {
            assertEquals(384, x.length);
            assertEquals(1.0, Math.sqrt(dot(x, x)), 1e-4);
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedText() throws Exception {
        List<float[]> v = model.embed(List.of(
                "How do I reset my password?",
                "What are the steps to change a forgotten login password?",
                "The recipe needs two cups of flour and an egg."));
        double para = dot(v.get(0), v.get(1));
        double unrelated = dot(v.get(0), v.get(2));
        assertTrue(para > 0.5, "paraphrase similarity " + para);
        assertTrue(para > unrelated + 0.3, "paraphrase " + para + " vs unrelated " + unrelated);
    }

    @Test
    void batchesGiveTheSameVectorsAsSingleCalls() throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Sentence number " + i + (i % 3 == 0 ? " with a somewhat longer tail of words" : ""));
        }
        List<float[]> batch = model.embed(texts);
        float[] single = model.embed(List.of(texts.get(33))).get(0);
        assertArrayEquals(single, batch.get(33), 1e-4f);
    }
}
