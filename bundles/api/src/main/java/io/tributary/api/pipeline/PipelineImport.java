package io.tributary.api.pipeline;

import java.util.List;

import io.tributary.api.store.dto.Dataset;

/**
 * What {@link PipelineService#importPipeline} made: the new dataset, and what was imported although it is not
 * right (pipeline variables of a node that is not in the graph, dropped; a datasource provider that is not
 * installed, so runs fail until it is). Dify imports such documents; so does this.
 *
 * @param dataset  the dataset created, with the pipeline as its draft
 * @param warnings one sentence each, in document order; empty when nothing was amiss
 */
public record PipelineImport(Dataset dataset, List<String> warnings) {
    public PipelineImport {
        warnings = List.copyOf(warnings);
    }
}
