package io.tributary.http.knowledge;

import java.util.List;
import java.util.Map;

import io.tributary.api.pipeline.DatasourceNodeRun;
import io.tributary.api.pipeline.PipelineRunRequest;
import io.tributary.http.JsonFields;

/**
 * The JSON bodies of the pipeline routes checked for presence and JSON types (Dify's pydantic models, plus the
 * enum checks Dify documents but leaves to a later 500). Everything else is the pipeline service's to judge.
 */
public final class PipelineRunBody {
    public static final List<String> DATASOURCE_TYPES = List.of("local_file", "online_document", "website_crawl",
            "online_drive");
    public static final List<String> RESPONSE_MODES = List.of("streaming", "blocking");

    private PipelineRunBody() {
    }

    /** A checked pipeline run and its response mode. */
    public record Run(PipelineRunRequest request, boolean streaming) {
    }

    /** {@code POST /v1/datasets/{id}/pipeline/run}: every field required, as in Dify. */
    public static Run run(Map<String, Object> body, String user) {
        Map<String, Object> inputs = JsonFields.requiredObject(body, "inputs");
        String type = JsonFields.requiredEnum(body, "datasource_type", DATASOURCE_TYPES);
        List<Map<String, Object>> items = JsonFields.requiredObjectList(body, "datasource_info_list");
        String start = JsonFields.requiredString(body, "start_node_id");
        if (start.isBlank()) {
            throw io.tributary.http.ApiException.badRequest("invalid_param", "start_node_id is required.");
        }
        boolean published = JsonFields.requiredBool(body, "is_published");
        String mode = JsonFields.requiredEnum(body, "response_mode", RESPONSE_MODES);
        if (items.isEmpty()) {
            throw io.tributary.http.ApiException.badRequest("invalid_param",
                    "datasource_info_list must not be empty.");
        }
        return new Run(new PipelineRunRequest(inputs, type, items, start, published, user), "streaming".equals(mode));
    }

    /** {@code POST .../pipeline/datasource/nodes/{node_id}/run}. */
    public static DatasourceNodeRun datasourceNode(Map<String, Object> body) {
        Map<String, Object> inputs = JsonFields.requiredObject(body, "inputs");
        String type = JsonFields.requiredEnum(body, "datasource_type", DATASOURCE_TYPES);
        Object cred = body.get("credential_id");
        if (cred != null && !(cred instanceof String)) {
            throw io.tributary.http.ApiException.badRequest("invalid_param", "credential_id must be a string.");
        }
        boolean published = JsonFields.requiredBool(body, "is_published");
        return new DatasourceNodeRun(inputs, type, (String) cred, published);
    }
}
