package io.tributary.store.files;

import java.util.Locale;
import java.util.Map;

/** MIME types by file extension, for uploads that do not say theirs. */
final class MimeTypes {
    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("markdown", "text/markdown"),
            Map.entry("mdx", "text/markdown"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("epub", "application/epub+zip"), Map.entry("eml", "message/rfc822"),
            Map.entry("msg", "application/vnd.ms-outlook"), Map.entry("vtt", "text/vtt"),
            Map.entry("properties", "text/plain"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"),
            Map.entry("webm", "video/webm"), Map.entry("amr", "audio/amr"), Map.entry("mpga", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("mpeg", "video/mpeg"));

    private MimeTypes() {
    }

    /** The lower-case extension of a file name, without the dot; empty when it has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code given} when not blank, else the type of {@code extension}, else {@value #UNKNOWN}. */
    static String of(String given, String extension) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        return BY_EXTENSION.getOrDefault(extension, UNKNOWN);
    }
}
