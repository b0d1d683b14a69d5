package io.tributary.pipeline.run;

import java.util.List;
import java.util.Map;

import io.tributary.api.engine.RunListener;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.model.SystemVariables;

/**
 * The engine request of one pipeline item (dify.md §1.2 "Per-item run"): the {@code sys} variables, the RAG
 * variables, the inputs, the start node and the run's origin (dataset, user), from which the store records it.
 */
public final class RunRequests {
    private RunRequests() {
    }

    /**
     * One item's run.
     *
     * @param documentId {@code null} in draft runs
     * @param invokeFrom {@link SystemVariables#INVOKE_FROM_PUBLISHED_PIPELINE}, or
     *                   {@link SystemVariables#INVOKE_FROM_DEBUGGER} for drafts (the knowledge-index node previews
     *                   instead of writing)
     */
    public static RunRequest build(String runId, String workflowId, String datasetId, String documentId,
                                   String batch, String user, String datasourceType,
                                   Map<String, Object> datasourceInfo, String startNodeId, Map<String, Object> inputs,
                                   Map<String, Map<String, Object>> rag, String invokeFrom, RunListener listener) {
        RunRequest.Builder b = RunRequest.builder().runId(runId).workflowId(workflowId).inputs(inputs)
                .startNodeId(startNodeId).listener(listener)
                .origin(datasetId, user) // the store's run recorder writes the record: owner dataset, end user
                .system(SystemVariables.USER_ID, user)
                .system(SystemVariables.APP_ID, datasetId)
                .system(SystemVariables.WORKFLOW_ID, workflowId)
                .system(SystemVariables.DATASET_ID, datasetId)
                .system(SystemVariables.DOCUMENT_ID, documentId)
                .system(SystemVariables.ORIGINAL_DOCUMENT_ID, null)
                .system(SystemVariables.BATCH, batch)
                .system(SystemVariables.DATASOURCE_TYPE, datasourceType)
                .system(SystemVariables.DATASOURCE_INFO, datasourceInfo)
                .system(SystemVariables.INVOKE_FROM, invokeFrom)
                .system(SystemVariables.FILES, List.of());
        rag.forEach(b::rag);
        return b.build();
    }
}
