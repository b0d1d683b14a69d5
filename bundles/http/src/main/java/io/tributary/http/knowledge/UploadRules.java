package io.tributary.http.knowledge;

import java.util.Locale;
import java.util.Set;

/**
 * What {@code POST /v1/datasets/pipeline/file-upload} accepts: files whose name extension an installed extractor
 * reads ({@link io.tributary.api.pipeline.PipelineService#uploadExtensions()}, gathered from the extractor
 * plugins). Anything else is 415 {@code unsupported_file_type}, with the accepted extensions in the message.
 */
public final class UploadRules {
    private UploadRules() {
    }

    /** The lower-case extension of a file name without the dot, or empty. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether a file of this name may be uploaded for a knowledge pipeline, given the extensions accepted. */
    public static boolean accepted(String name, Set<String> extensions) {
        String ext = extension(name);
        return !ext.isEmpty() && extensions.contains(ext);
    }

    /** The 415 message: which extensions are accepted (in the order given), or that no extractor is installed. */
    public static String refusal(Set<String> extensions) {
        if (extensions.isEmpty()) {
            return "File type not allowed: no document extractor is installed.";
        }
        return "File type not allowed. Accepted extensions: " + String.join(", ", extensions) + ".";
    }

    /** The name without any client-side path ({@code C:\docs\a.pdf}, {@code ../a.pdf} → {@code a.pdf}). */
    public static String baseName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1).strip();
    }
}
