package io.tributary.api.dsl;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.tributary.api.model.Graph;
import io.tributary.api.model.JsonValues;

/**
 * An imported Dify DSL document. Immutable; {@link #toString()} never shows secret values.
 *
 * @param kind                  {@code app} or {@code rag_pipeline}
 * @param version               the DSL's {@code version} ({@code "0.1.0"} when absent, as Dify)
 * @param metadata              the {@code app} or {@code rag_pipeline} block
 * @param graph                 {@code workflow.graph}, canvas data dropped
 * @param environmentVariables  {@code workflow.environment_variables}
 * @param conversationVariables {@code workflow.conversation_variables}
 * @param ragPipelineVariables  {@code workflow.rag_pipeline_variables} (empty for apps)
 * @param features              {@code workflow.features} as written (file upload, opening statement, ...)
 * @param dependencies          {@code dependencies} as written: plugin identifiers the document needs
 */
public record DslDocument(DslKind kind, String version, DslMetadata metadata, Graph graph,
                          List<EnvironmentVariable> environmentVariables,
                          List<ConversationVariable> conversationVariables,
                          List<RagPipelineVariable> ragPipelineVariables, Map<String, Object> features,
                          List<Map<String, Object>> dependencies) {
    /** The version Dify assumes when a document has none. */
    public static final String DEFAULT_VERSION = "0.1.0";

    public DslDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(graph, "graph");
        version = version == null || version.isBlank() ? DEFAULT_VERSION : version;
        environmentVariables = environmentVariables == null ? List.of() : List.copyOf(environmentVariables);
        conversationVariables = conversationVariables == null ? List.of() : List.copyOf(conversationVariables);
        ragPipelineVariables = ragPipelineVariables == null ? List.of() : List.copyOf(ragPipelineVariables);
        features = features == null ? Map.of() : JsonValues.freeze(features);
        dependencies = dependencies == null ? List.of()
                : dependencies.stream().map(JsonValues::freeze).toList();
    }

    /** The environment variable with this name, if any. */
    public Optional<EnvironmentVariable> environmentVariable(String name) {
        return environmentVariables.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
