package io.tributary.api.pipeline;

import java.util.Objects;

/**
 * A built-in pipeline template: a {@code rag_pipeline} DSL that {@link PipelineService#importPipeline} accepts as
 * it is (given the node types it names are installed).
 *
 * @param id          stable template id ({@code general-file})
 * @param name        display name
 * @param description what the pipeline does
 * @param dsl         the DSL YAML
 */
public record PipelineTemplate(String id, String name, String description, String dsl) {
    public PipelineTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dsl, "dsl");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }
}
