package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.tributary.api.model.JsonValues;

/**
 * A document of a dataset: one datasource item run through the pipeline.
 *
 * @param id                  document id (a UUID)
 * @param datasetId           its dataset
 * @param position            1, 2, ... per dataset, in creation order
 * @param batch               the batch it was created in (Dify: 14 digits of time + 6 random digits)
 * @param name                display name ({@code untitled} when the item had none)
 * @param dataSourceType      {@code local_file}, {@code online_document}, {@code website_crawl} or
 *                            {@code online_drive}
 * @param dataSourceInfo      the datasource item as given in the run request
 * @param createdFrom         {@code rag-pipeline} or {@code api}
 * @param docForm             the dataset's chunk structure when the document was created
 * @param indexingStatus      {@code waiting}, {@code parsing}, {@code indexing}, {@code completed}, {@code error}
 *                            (Dify's values)
 * @param error               the failure message when {@code error}, else {@code null}
 * @param enabled             whether its segments take part in retrieval
 * @param wordCount           characters over all its segments
 * @param tokens              embedding tokens spent (0 when unknown)
 * @param createdBy           creator; may be empty
 * @param createdAt           when it was created
 * @param processingStartedAt when a worker first took it, or {@code null}
 * @param parsingCompletedAt  when its text was extracted (the status moved past {@code parsing}), or {@code null}
 * @param cleaningCompletedAt when its text was cleaned (with parsing: cleaning is the chunker's), or {@code null}
 * @param splittingCompletedAt when it was split into chunks (the status moved to {@code indexing}), or {@code null}
 * @param completedAt         when it reached {@code completed}, or {@code null}
 * @param updatedAt           last change
 */
public record DocumentRecord(String id, String datasetId, int position, String batch, String name,
                             String dataSourceType, Map<String, Object> dataSourceInfo, String createdFrom,
                             String docForm, String indexingStatus, String error, boolean enabled, int wordCount,
                             int tokens, String createdBy, Instant createdAt, Instant processingStartedAt,
                             Instant parsingCompletedAt, Instant cleaningCompletedAt, Instant splittingCompletedAt,
                             Instant completedAt, Instant updatedAt) {
    public DocumentRecord {
        Objects.requireNonNull(id, "id");
        dataSourceInfo = dataSourceInfo == null ? null : JsonValues.freeze(dataSourceInfo);
        createdBy = createdBy == null ? "" : createdBy;
    }
}
