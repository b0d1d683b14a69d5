package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Map;

import io.tributary.api.model.JsonValues;

/**
 * One queued pipeline run for one document (Dify's {@code DocumentPipelineExecutionLog} plus its queue entry).
 *
 * @param id             item id (a UUID); also the run id of the pipeline run that processes it
 * @param datasetId      the dataset
 * @param documentId     the document it fills
 * @param batch          the document's batch
 * @param workflowId     the published pipeline version to run ({@link DatasetVersion#workflowId()})
 * @param startNodeId    the datasource node to start from
 * @param datasourceType the datasource type's wire name
 * @param datasourceInfo the datasource item
 * @param inputs         the run's {@code inputs} (RAG pipeline variables)
 * @param createdBy      who asked for the run; may be empty
 * @param status         {@code queued}, {@code running} or {@code done}
 * @param attempts       how many times a worker has claimed it
 * @param createdAt      when it was queued
 */
public record PipelineItem(String id, String datasetId, String documentId, String batch, String workflowId,
                           String startNodeId, String datasourceType, Map<String, Object> datasourceInfo,
                           Map<String, Object> inputs, String createdBy, String status, int attempts,
                           Instant createdAt) {
    public PipelineItem {
        datasourceInfo = datasourceInfo == null ? Map.of() : JsonValues.freeze(datasourceInfo);
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
    }
}
