package io.tributary.api.app;

import java.util.List;
import java.util.Map;

import io.tributary.api.engine.RunListener;

/**
 * A request to run a workflow app ({@code POST /v1/workflows/run} or {@code /v1/workflows/{workflow_id}/run}).
 *
 * @param workflowId the published version to run; {@code null} → the latest
 * @param inputs     the start form's values as the client sent them ({@code inputs}); file inputs as descriptors
 *                   {@code {type, transfer_method, upload_file_id | url}}
 * @param files      the request's {@code files} descriptors (become {@code sys.files}); {@code null} → none
 * @param user       the end user (Dify's {@code user}); required
 * @param listener   subscribed before the first event (a streaming response); may be {@code null}
 */
public record AppRunRequest(String workflowId, Map<String, Object> inputs, List<?> files, String user,
                            RunListener listener) {
    public AppRunRequest {
        inputs = inputs == null ? Map.of() : inputs;
        files = files == null ? List.of() : files;
    }
}
