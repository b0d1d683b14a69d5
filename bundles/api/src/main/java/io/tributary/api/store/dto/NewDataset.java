package io.tributary.api.store.dto;

import java.util.Map;

/** What {@link io.tributary.api.store.DatasetStore#createDataset} needs; the fields mean what they mean in {@link Dataset}. */
public record NewDataset(String name, String description, String chunkStructure, String indexingTechnique,
                         String embeddingModelProvider, String embeddingModel, int keywordNumber,
                         Map<String, Object> retrievalModel, String draftDsl, String createdBy) {
}
