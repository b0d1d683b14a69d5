package io.tributary.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dify's File value (graphon {@code file/models.py}): what the variable pool holds for an uploaded, remote or
 * node-made file, and what the API sends in {@code files} and in file-typed outputs. On the wire and in the
 * variable pool it is a map, {@link #toMap()}:
 * {@code {dify_model_identity:"__dify__file__", id, type, transfer_method, remote_url, related_id, filename,
 * extension, mime_type, size, url}}, in that order.
 *
 * <p>This record is the one place that builds and reads that map; nodes and services never write the keys
 * themselves.
 *
 * @param id             the file's id (for local and tool files, the upload id); may be {@code null}
 * @param type           {@code document}, {@code image}, {@code audio}, {@code video} or {@code custom}
 * @param transferMethod {@code local_file}, {@code remote_url} or {@code tool_file}
 * @param remoteUrl      the URL a {@code remote_url} file was given by, else {@code null}
 * @param relatedId      the file store id of a local or tool file, else {@code null}
 * @param filename       the file's name
 * @param extension      the extension as Dify writes it, with the dot ({@code .pdf}); {@code null} or empty
 *                       when the name has none
 * @param mimeType       the MIME type
 * @param size           bytes; {@code -1} when not known (a remote file not fetched yet)
 * @param url            where the content can be fetched, or {@code null} (this server has no signed preview URL)
 */
public record DifyFile(String id, String type, String transferMethod, String remoteUrl, String relatedId,
                       String filename, String extension, String mimeType, long size, String url) {

    /** The marker Dify puts on every serialised File ({@code dify_model_identity}). */
    public static final String IDENTITY = "__dify__file__";
    /** The map key of the marker. */
    public static final String IDENTITY_KEY = "dify_model_identity";

    /**
     * A {@code local_file}: an upload of the file store.
     *
     * @param extension without or with the dot; {@code null}/empty → {@code null}
     */
    public static DifyFile local(String type, String uploadId, String filename, String extension, String mimeType,
                                 long size) {
        return new DifyFile(uploadId, type, "local_file", null, uploadId, filename, dotted(extension), mimeType, size,
                null);
    }

    /** A {@code remote_url} file, not fetched: size {@code -1}, {@code url} = {@code remote_url}. */
    public static DifyFile remote(String type, String url, String filename, String extension, String mimeType) {
        return new DifyFile(null, type, "remote_url", url, null, filename, dotted(extension), mimeType, -1, url);
    }

    /** The wire / variable-pool map, keys in Dify's order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(IDENTITY_KEY, IDENTITY);
        m.put("id", id);
        m.put("type", type);
        m.put("transfer_method", transferMethod);
        m.put("remote_url", remoteUrl);
        m.put("related_id", relatedId);
        m.put("filename", filename);
        m.put("extension", extension);
        m.put("mime_type", mimeType);
        m.put("size", size);
        m.put("url", url);
        return m;
    }

    /** Whether a value is a File map (it carries the {@value #IDENTITY} marker). */
    public static boolean isFile(Object value) {
        return value instanceof Map<?, ?> m && IDENTITY.equals(m.get(IDENTITY_KEY));
    }

    /**
     * Reads a map as a File, leniently: blank strings are {@code null}, a missing size is {@code -1}. Empty when
     * {@code value} is not a map or carries another {@code dify_model_identity}; a map without the marker is read
     * too (nodes may hand files on without it).
     */
    public static Optional<DifyFile> from(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        Object identity = m.get(IDENTITY_KEY);
        if (identity != null && !IDENTITY.equals(identity)) {
            return Optional.empty();
        }
        long size = m.get("size") instanceof Number n ? n.longValue() : -1;
        return Optional.of(new DifyFile(text(m.get("id")), text(m.get("type")), text(m.get("transfer_method")),
                text(m.get("remote_url")), text(m.get("related_id")), text(m.get("filename")),
                text(m.get("extension")), text(m.get("mime_type")), size, text(m.get("url"))));
    }

    /**
     * The File maps among outputs (top-level values and lists of them), as Dify lists them in the {@code files}
     * field of {@code node_finished} and {@code workflow_finished}.
     */
    public static List<Object> in(Map<String, Object> outputs) {
        List<Object> files = new ArrayList<>();
        if (outputs == null) {
            return files;
        }
        for (Object v : outputs.values()) {
            if (isFile(v)) {
                files.add(v);
            } else if (v instanceof List<?> l) {
                l.stream().filter(DifyFile::isFile).forEach(files::add);
            }
        }
        return files;
    }

    private static String dotted(String extension) {
        if (extension == null || extension.isEmpty()) {
            return null;
        }
        return extension.startsWith(".") ? extension : "." + extension;
    }

    private static String text(Object v) {
        return v instanceof String s && !s.isBlank() ? s : null;
    }
}
