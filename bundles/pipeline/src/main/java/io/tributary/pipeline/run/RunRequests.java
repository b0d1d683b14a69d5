package io.tributary.pipeline.run;

import java.util.List;
import java.util.Map;

import io.tributary.api.engine.RunListener;
import io.tributary.api.engine.RunRequest;

/**
 * The engine request of one pipeline item (dify.md §1.2 "Per-item run"): the {@code sys} variables, the RAG
 * variables, the inputs, the start node and the run's origin (dataset, user), from which the store records it.
 */
public final class RunRequests {
    /** {@code sys.invoke_from} of published runs. */
    public static final String PUBLISHED = "published_pipeline";
    /** {@code sys.invoke_from} of draft runs: the knowledge-index node previews instead of writing. */
    public static final String DEBUGGER = "debugger";

    private RunRequests() {
    }

    /**
     * One item's run.
     *
     * @param documentId {@code null} in draft runs
     */
    public static RunRequest build(String runId, String workflowId, String datasetId, String documentId,
                                   String batch, String user, String datasourceType,
                                   Map<String, Object> datasourceInfo, String startNodeId, Map<String, Object> inputs,
                                   Map<String, Map<String, Object>> rag, String invokeFrom, RunListener listener) {
        RunRequest.Builder b = RunRequest.builder().runId(runId).workflowId(workflowId).inputs(inputs)
                .startNodeId(startNodeId).listener(listener)
                .origin(datasetId, user) // the store's run recorder writes the record: owner dataset, end user
                .system("user_id", user)
                .system("app_id", datasetId)
                .system("workflow_id", workflowId)
                .system("dataset_id", datasetId)
                .system("document_id", documentId)
                .system("original_document_id", null)
                .system("batch", batch)
                .system("datasource_type", datasourceType)
                .system("datasource_info", datasourceInfo)
                .system("invoke_from", invokeFrom)
                .system("files", List.of());
        rag.forEach(b::rag);
        return b.build();
    }
}
