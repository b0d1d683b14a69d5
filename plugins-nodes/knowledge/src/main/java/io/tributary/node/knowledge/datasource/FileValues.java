package io.tributary.node.knowledge.datasource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Dify File objects as variable-pool maps ({@code dify_model_identity: "__dify__file__"}). */
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
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("dify_model_identity", "__dify__file__");
        f.put("id", relatedId);
        f.put("type", type(mime, ext));
        f.put("transfer_method", transferMethod);
        f.put("remote_url", null);
        f.put("related_id", relatedId);
        f.put("filename", name);
        f.put("extension", ext);
        f.put("mime_type", mime);
        f.put("size", size);
        f.put("url", null);
        return f;
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
