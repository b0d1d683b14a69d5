package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.tributary.api.model.JsonValues;

/**
 * A knowledge base. Its indexing settings come from the knowledge-index node of its pipeline (or from the request
 * that created it without one).
 *
 * @param id                     dataset id (a UUID)
 * @param name                   display name
 * @param description            description; never {@code null}
 * @param chunkStructure         {@code text_model}, {@code hierarchical_model}, {@code qa_model}, or {@code null}
 *                               when not yet known (a dataset created without a pipeline)
 * @param indexingTechnique      {@code high_quality} or {@code economy}, or {@code null}
 * @param embeddingModelProvider embedding provider id ({@code langgenius/openai/openai}); may be empty
 * @param embeddingModel         embedding model name; may be empty
 * @param keywordNumber          keywords per segment for {@code economy} (Dify's default 10)
 * @param retrievalModel         the retrieval settings as on the wire ({@code search_method}, {@code top_k}, ...)
 * @param draftDsl               the pipeline draft (a {@code rag_pipeline} DSL), or {@code null} when none
 * @param publishedVersion       latest published pipeline version, or {@code null} when never published
 * @param createdBy              creator; may be empty
 * @param createdAt              when it was created
 * @param updatedAt              when it or its pipeline last changed
 */
public record Dataset(String id, String name, String description, String chunkStructure, String indexingTechnique,
                      String embeddingModelProvider, String embeddingModel, int keywordNumber,
                      Map<String, Object> retrievalModel, String draftDsl, Integer publishedVersion,
                      String createdBy, Instant createdAt, Instant updatedAt) {
    public Dataset {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        embeddingModelProvider = embeddingModelProvider == null ? "" : embeddingModelProvider;
        embeddingModel = embeddingModel == null ? "" : embeddingModel;
        retrievalModel = retrievalModel == null ? Map.of() : JsonValues.freeze(retrievalModel);
        createdBy = createdBy == null ? "" : createdBy;
    }
}
