package io.tributary.http.knowledge;

import java.util.Locale;
import java.util.Set;

/**
 * What {@code POST /v1/datasets/pipeline/file-upload} accepts: document types the extractor can read (Dify's
 * document extensions), by file name extension. Anything else is 415 {@code unsupported_file_type}.
 */
public final class UploadRules {
    /** Extensions (lower case, no dot) accepted for knowledge ingestion. */
    public static final Set<String> DOCUMENT_EXTENSIONS = Set.of("txt", "markdown", "md", "mdx", "html", "htm", "xml",
            "pdf", "docx", "doc", "xlsx", "xls", "csv", "pptx", "ppt", "epub", "eml", "msg", "json", "yaml", "yml",
            "vtt", "properties");

    private UploadRules() {
    }

    /** The lower-case extension of a file name without the dot, or empty. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether a file of this name may be uploaded for a knowledge pipeline. */
    public static boolean accepted(String name) {
        return DOCUMENT_EXTENSIONS.contains(extension(name));
    }

    /** The name without any client-side path ({@code C:\docs\a.pdf}, {@code ../a.pdf} → {@code a.pdf}). */
    public static String baseName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1).strip();
    }
}
