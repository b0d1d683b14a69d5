package io.tributary.pipeline.run;

import java.util.Map;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.api.pipeline.PipelineRunRequest;
import io.tributary.pipeline.definition.DatasourceNode;
import io.tributary.pipeline.definition.PipelineDefinition;

/**
 * A run request checked against the pipeline it runs, before anything is written. Dify answers some of these
 * cases with 500 {@code pipeline_run_error} after creating documents; here each is a 400 {@code invalid_param}
 * up front.
 *
 * @param type      the datasource type
 * @param startNode the datasource node the run starts from
 * @param rag       the RAG pipeline variables, owner → values
 */
public record RunCheck(DatasourceType type, DatasourceNode startNode, Map<String, Map<String, Object>> rag) {

    /** Checks {@code request} against {@code pipeline}. */
    public static RunCheck of(PipelineDefinition pipeline, PipelineRunRequest request) {
        DatasourceType type = DatasourceType.fromWire(request.datasourceType());
        if (type == null) {
            throw PipelineException.invalid("datasource_type must be one of local_file, online_document, "
                    + "website_crawl, online_drive; got '" + request.datasourceType() + "'.");
        }
        if (request.startNodeId() == null || request.startNodeId().isBlank()) {
            throw PipelineException.invalid("start_node_id is required.");
        }
        DatasourceNode start = DatasourceNode.find(pipeline.graph(), request.startNodeId());
        if (start == null) {
            throw PipelineException.invalid("start_node_id '" + request.startNodeId()
                    + "' is not a datasource node of the pipeline.");
        }
        if (!type.wireName().equals(start.providerType())) {
            throw PipelineException.invalid("start_node_id '" + request.startNodeId() + "' is a "
                    + start.providerType() + " datasource, not " + type.wireName() + ".");
        }
        DatasourceItems.check(type, request.datasourceInfoList());
        Map<String, Map<String, Object>> rag = RagVariables.of(pipeline.document().ragPipelineVariables(),
                start.id(), request.inputs());
        return new RunCheck(type, start, rag);
    }
}
