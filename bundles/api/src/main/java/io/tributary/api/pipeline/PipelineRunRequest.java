package io.tributary.api.pipeline;

import java.util.List;
import java.util.Map;

import io.tributary.api.model.JsonValues;

/**
 * A pipeline run request ({@code POST /v1/datasets/{id}/pipeline/run}), already checked for JSON types.
 *
 * @param inputs             RAG pipeline variable values ({@code {}} when none)
 * @param datasourceType     {@code local_file}, {@code online_document}, {@code website_crawl}, {@code online_drive}
 * @param datasourceInfoList the items, one document each
 * @param startNodeId        the datasource node to start from
 * @param published          run the published pipeline (queued, documents) or the draft (first item, preview)
 * @param user               who asks (recorded as creator); may be empty
 */
public record PipelineRunRequest(Map<String, Object> inputs, String datasourceType,
                                 List<Map<String, Object>> datasourceInfoList, String startNodeId,
                                 boolean published, String user) {
    public PipelineRunRequest {
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
        datasourceInfoList = datasourceInfoList == null ? List.of()
                : datasourceInfoList.stream().map(JsonValues::freeze).toList();
        user = user == null ? "" : user;
    }
}
