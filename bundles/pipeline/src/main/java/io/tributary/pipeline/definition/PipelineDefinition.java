package io.tributary.pipeline.definition;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.model.Graph;

/**
 * A parsed {@code rag_pipeline} document with the knowledge settings of its knowledge-index node.
 *
 * @param document  the parsed DSL
 * @param knowledge settings of its single knowledge-index node
 */
public record PipelineDefinition(DslDocument document, KnowledgeSettings knowledge) {

    /** The graph to run. */
    public Graph graph() {
        return document.graph();
    }
}
