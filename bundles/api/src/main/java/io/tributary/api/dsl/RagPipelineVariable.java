package io.tributary.api.dsl;

import java.util.List;
import java.util.Objects;

import io.tributary.api.model.JsonValues;

/**
 * One field of a knowledge pipeline's input form ({@code workflow.rag_pipeline_variables}, Dify's
 * {@code RAGPipelineVariable}). At run time the values given for the chosen datasource node and for
 * {@value #SHARED} are grouped per owner at selector {@code [rag, <owner>]}, read as
 * {@code {{#rag.<owner>.<variable>#}}}.
 *
 * <p>Dify's templates spell two keys without the {@code d} ({@code allow_file_extension},
 * {@code allow_file_upload_methods}); both spellings are read.
 *
 * @param belongToNodeId           the datasource node this field belongs to, or {@value #SHARED}
 * @param variable                 the variable name
 * @param label                    form label
 * @param type                     {@code text-input}, {@code paragraph}, {@code select}, {@code number},
 *                                 {@code file}, {@code file-list} or {@code checkbox}
 * @param required                 whether a value must be given
 * @param defaultValue             default value, JSON-shaped; may be {@code null}
 * @param options                  choices of a {@code select}
 * @param maxLength                maximum length, or {@code null}
 * @param placeholder              placeholder text, may be {@code null}
 * @param tooltips                 help text, may be {@code null}
 * @param description              description, may be {@code null}
 * @param unit                     unit shown next to a number, may be {@code null}
 * @param allowedFileTypes         for files: {@code image}, {@code document}, ...
 * @param allowedFileExtensions    for files: {@code .pdf}, ...
 * @param allowedFileUploadMethods for files: {@code local_file}, {@code remote_url}
 */
public record RagPipelineVariable(String belongToNodeId, String variable, String label, String type,
                                  boolean required, Object defaultValue, List<String> options, Integer maxLength,
                                  String placeholder, String tooltips, String description, String unit,
                                  List<String> allowedFileTypes, List<String> allowedFileExtensions,
                                  List<String> allowedFileUploadMethods) {
    /** {@code belong_to_node_id} of a field shared by every datasource. */
    public static final String SHARED = "shared";

    public RagPipelineVariable {
        Objects.requireNonNull(belongToNodeId, "belongToNodeId");
        Objects.requireNonNull(variable, "variable");
        label = label == null ? "" : label;
        type = type == null ? "" : type;
        defaultValue = JsonValues.freezeValue(defaultValue);
        options = options == null ? List.of() : List.copyOf(options);
        allowedFileTypes = allowedFileTypes == null ? List.of() : List.copyOf(allowedFileTypes);
        allowedFileExtensions = allowedFileExtensions == null ? List.of() : List.copyOf(allowedFileExtensions);
        allowedFileUploadMethods = allowedFileUploadMethods == null ? List.of()
                : List.copyOf(allowedFileUploadMethods);
    }
}
