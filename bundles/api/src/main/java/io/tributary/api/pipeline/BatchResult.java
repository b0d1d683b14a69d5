package io.tributary.api.pipeline;

import java.util.List;

import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;

/** The answer to a published run: the batch, the dataset and the documents created (status {@code waiting}). */
public record BatchResult(String batch, Dataset dataset, List<DocumentRecord> documents) {
    public BatchResult {
        documents = List.copyOf(documents);
    }
}
