package io.tributary.api.store.dto;

import java.util.Map;

/**
 * What the queued items of one {@link io.tributary.api.store.DatasetStore#createDocuments} call share: the published version, the
 * datasource node, the inputs and the requester. Each document's own datasource item is its
 * {@link NewDocument#dataSourceInfo()}.
 */
public record PipelineRunSpec(String workflowId, String startNodeId, Map<String, Object> inputs, String createdBy) {
}
