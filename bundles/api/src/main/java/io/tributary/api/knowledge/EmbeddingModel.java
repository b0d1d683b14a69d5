package io.tributary.api.knowledge;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A text-embedding model, registered as a service with {@value #PROVIDER} and {@value #MODEL} properties. The
 * knowledge bundle picks the one named by a dataset's {@code embedding_model_provider}/{@code embedding_model}, or
 * the configured default.
 */
@ConsumerType
public interface EmbeddingModel {
    /** Service property: provider id ({@code tributary/onnx}, {@code langgenius/openai/openai}). */
    String PROVIDER = "io.tributary.embedding.provider";
    /** Service property: model name ({@code all-MiniLM-L6-v2}). */
    String MODEL = "io.tributary.embedding.model";

    /** Vector length. */
    int dimensions();

    /**
     * Embeds texts; the result has one vector per text, in order, each L2-normalised.
     *
     * @throws KnowledgeException when the model fails (remote error, bad key)
     */
    List<float[]> embed(List<String> texts) throws KnowledgeException, InterruptedException;
}
