package io.tributary.api.store.dto;

import java.time.Instant;

/**
 * An immutable published version of a dataset's pipeline.
 *
 * @param datasetId  the dataset
 * @param version    1, 2, ... per dataset
 * @param workflowId id of this version (a UUID), recorded on the runs it made
 * @param dsl        the pipeline DSL as published
 * @param createdAt  when it was published
 */
public record DatasetVersion(String datasetId, int version, String workflowId, String dsl, Instant createdAt) {
}
