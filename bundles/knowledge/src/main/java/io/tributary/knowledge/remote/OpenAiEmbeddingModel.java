package io.tributary.knowledge.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.KnowledgeException;

/**
 * An OpenAI-compatible embeddings client: {@code POST {base}/embeddings} with {@code {model, input:[...],
 * encoding_format:"float"}} (plus {@code dimensions} when configured), answer {@code {data:[{index, embedding}]}}.
 * The base URL includes the version ({@code https://api.openai.com/v1}). Inputs go in batches; vectors are
 * re-normalised to unit length, since not every compatible server normalises them.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {
    private final JsonHttp http;
    private final String model;
    private final int dimensions;
    private final int batchSize;

    /**
     * @param dimensions the vector length; 0 = the model's own (learnt from the first answer; the request then
     *                   carries no {@code dimensions})
     */
    public OpenAiEmbeddingModel(String baseUrl, String apiKey, String model, int dimensions, int batchSize,
                                Duration timeout) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("The embedding model name is required");
        }
        this.http = new JsonHttp(baseUrl, apiKey, timeout);
        this.model = model;
        this.dimensions = Math.max(0, dimensions);
        this.batchSize = Math.max(1, batchSize);
    }

    private volatile int learnt;

    @Override
    public int dimensions() {
        return dimensions > 0 ? dimensions : learnt;
    }

    @Override
    public List<float[]> embed(List<String> texts) throws KnowledgeException, InterruptedException {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(batch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }

    private List<float[]> batch(List<String> texts) throws KnowledgeException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", texts);
        body.put("encoding_format", "float");
        if (dimensions > 0) {
            body.put("dimensions", dimensions);
        }
        JsonNode data = http.post("/embeddings", body, "The embedding service").path("data");
        if (!data.isArray() || data.size() != texts.size()) {
            throw new KnowledgeException("The embedding service returned " + (data.isArray() ? data.size() : 0)
                    + " vectors for " + texts.size() + " texts");
        }
        float[][] vectors = new float[texts.size()][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            JsonNode embedding = item.path("embedding");
            if (index < 0 || index >= vectors.length || !embedding.isArray() || embedding.isEmpty()) {
                throw new KnowledgeException("The embedding service returned a malformed item: index " + index);
            }
            float[] v = new float[embedding.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) embedding.get(i).asDouble();
            }
            vectors[index] = normalise(v);
        }
        int dims = vectors[0].length;
        for (float[] v : vectors) {
            if (v == null) {
                throw new KnowledgeException("The embedding service left out some inputs");
            }
            if (v.length != dims || dimensions > 0 && v.length != dimensions) {
                throw new KnowledgeException("The embedding service returned vectors of " + v.length
                        + " dimensions; expected " + (dimensions > 0 ? dimensions : dims));
            }
        }
        learnt = dims;
        return List.of(vectors);
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0 && Math.abs(norm - 1) > 1e-6) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
