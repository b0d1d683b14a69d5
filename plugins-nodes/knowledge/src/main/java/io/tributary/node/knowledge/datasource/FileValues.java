package io.tributary.node.knowledge.datasource;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tributary.api.model.DifyFile;

/** Dify File objects as variable-pool maps, built by the API's {@link DifyFile}; the type rule for datasource files. */
final class FileValues {
    private static final Set<String> DOCUMENTS = Set.of("txt", "markdown", "md", "mdx", "pdf", "html", "htm", "xlsx",
            "xls", "doc", "docx", "csv", "eml", "msg", "pptx", "ppt", "xml", "epub", "json", "yaml", "yml", "vtt",
            "properties");

    private FileValues() {
    }

    /**
     * A File map.
     *
     * @param transferMethod {@code local_file} or {@code tool_file}
     * @param relatedId      the id in the file store
     */
    static Map<String, Object> file(String transferMethod, String relatedId, String filename, String mimeType,
            long size) {
        String name = filename == null ? "" : filename;
        String ext = extension(name);
        String mime = mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType;
        return new DifyFile(relatedId, type(mime, ext), transferMethod, null, relatedId, name, ext, mime, size, null)
                .toMap();
    }

    /** The extension with its dot, lower case ({@code ".pdf"}); empty when the name has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** Dify's file type for a MIME type and extension: image, audio, video, document or custom. */
    static String type(String mime, String ext) {
        String m = mime.toLowerCase(Locale.ROOT);
        if (m.startsWith("image/")) {
            return "image";
        }
        if (m.startsWith("audio/")) {
            return "audio";
        }
        if (m.startsWith("video/")) {
            return "video";
        }
        if ((!ext.isEmpty() && DOCUMENTS.contains(ext.substring(1))) || m.startsWith("text/")
                || m.equals("application/pdf") || m.contains("document") || m.contains("msword")
                || m.contains("sheet") || m.contains("presentation")) {
            return "document";
        }
        return "custom";
    }
}
