package io.tributary.api.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dify's file types by extension: which files may be uploaded, the {@link DifyFile#type() type} of each
 * ({@code document}, {@code image}, {@code audio}, {@code video}, else {@code custom}) and a MIME type for a name
 * the client did not type. The lists are Dify's ({@code DOCUMENT_EXTENSIONS}, {@code IMAGE_EXTENSIONS},
 * {@code AUDIO_EXTENSIONS}, {@code VIDEO_EXTENSIONS}); anything else (executables, archives, scripts, no
 * extension) is refused with 415 {@code unsupported_file_type}.
 */
public final class FileTypes {
    private static final Set<String> DOCUMENT = Set.of("txt", "markdown", "md", "mdx", "pdf", "html", "htm", "xlsx",
            "xls", "vtt", "properties", "doc", "docx", "csv", "eml", "msg", "pptx", "ppt", "xml", "epub", "json");
    private static final Set<String> IMAGE = Set.of("jpg", "jpeg", "png", "webp", "gif", "svg");
    private static final Set<String> AUDIO = Set.of("mp3", "m4a", "wav", "amr", "mpga");
    private static final Set<String> VIDEO = Set.of("mp4", "mov", "mpeg", "webm");
    private static final Map<String, Set<String>> BY_TYPE = Map.of("document", DOCUMENT, "image", IMAGE,
            "audio", AUDIO, "video", VIDEO);

    private FileTypes() {
    }

    /** The lower-case extension of a file name, without the dot; empty when it has none. */
    public static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Dify's file type of an allowed extension, or empty when uploads of it are refused. */
    public static Optional<String> allowed(String extension) {
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : BY_TYPE.entrySet()) {
            if (e.getValue().contains(ext)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Dify's file type of any extension: {@code custom} for what is not a known document/image/audio/video. */
    public static String typeOf(String extension) {
        return allowed(extension).orElse("custom");
    }

    /** A MIME type for an extension (of a remote file's name); {@code application/octet-stream} when unknown. */
    public static String mimeOf(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase(Locale.ROOT)) {
            case "pdf" -> "application/pdf";
            case "txt" -> "text/plain";
            case "md", "markdown" -> "text/markdown";
            case "html", "htm" -> "text/html";
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "mp3" -> "audio/mpeg";
            case "mp4" -> "video/mp4";
            default -> "application/octet-stream";
        };
    }
}
