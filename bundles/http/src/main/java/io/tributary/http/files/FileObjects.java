package io.tributary.http.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.store.dto.UploadFile;

/**
 * Dify File objects as the maps the variable pool holds and the API sends:
 * {@code {dify_model_identity:"__dify__file__", id, type, transfer_method, remote_url, related_id, filename,
 * extension (".pdf"), mime_type, size, url}}. A {@code local_file} has {@code related_id} = the upload id and no
 * {@code url} (this server has no signed preview route); a {@code remote_url} file has {@code url} =
 * {@code remote_url} and {@code size} -1 (not fetched before the run).
 */
public final class FileObjects {
    /** The marker Dify puts on every serialised File. */
    public static final String IDENTITY = "__dify__file__";

    private FileObjects() {
    }

    /** A {@code local_file} File for an upload. */
    public static Map<String, Object> local(String type, UploadFile f) {
        return file(type, "local_file", null, f.id(), f.name(), f.extension(), f.mimeType(), f.size(), null);
    }

    /** A {@code remote_url} File. */
    public static Map<String, Object> remote(String type, String url, String filename, String extension,
                                             String mimeType) {
        return file(type, "remote_url", url, null, filename, extension, mimeType, -1, url);
    }

    private static Map<String, Object> file(String type, String method, String remoteUrl, String relatedId,
                                            String filename, String extension, String mimeType, long size, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dify_model_identity", IDENTITY);
        m.put("id", relatedId);
        m.put("type", type);
        m.put("transfer_method", method);
        m.put("remote_url", remoteUrl);
        m.put("related_id", relatedId);
        m.put("filename", filename);
        m.put("extension", extension == null || extension.isEmpty() ? null : "." + extension);
        m.put("mime_type", mimeType);
        m.put("size", size);
        m.put("url", url);
        return m;
    }

    /** Whether a value is a File map. */
    public static boolean isFile(Object value) {
        return value instanceof Map<?, ?> m && IDENTITY.equals(m.get("dify_model_identity"));
    }

    /**
     * The Files among a node's or run's outputs (top-level values and lists of them), as Dify lists them in the
     * {@code files} field of {@code node_finished} and {@code workflow_finished}.
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
                l.stream().filter(FileObjects::isFile).forEach(files::add);
            }
        }
        return files;
    }
}
