package io.tributary.node.extractor;

import java.util.Locale;
import java.util.Map;

/**
 * A Dify File value from the variable pool (a map with {@code dify_model_identity: "__dify__file__"}), reduced to
 * what extraction needs.
 *
 * @param transferMethod {@code local_file}, {@code tool_file} or {@code remote_url}
 * @param relatedId      the {@link io.tributary.api.store.FileStore} id of local and tool files, may be null
 * @param remoteUrl      the URL of a remote file ({@code remote_url}, else {@code url}), may be null
 * @param data           inline base64 content (tool files made by the http-request node), may be null
 * @param filename       the name shown in messages, never null
 * @param extension      lower-case extension with the dot ({@code .pdf}), or empty
 * @param mimeType       lower-case MIME type without parameters, or empty
 */
record DifyFile(String transferMethod, String relatedId, String remoteUrl, String data, String filename,
                String extension, String mimeType) {

    /**
     * Reads a File map (through the API's {@link io.tributary.api.model.DifyFile}, plus the inline {@code data} of
     * tool files); throws with a clear reason when {@code value} is not one.
     */
    static DifyFile of(Object value) throws ExtractionException {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ExtractionException("expected a file, got " + describe(value));
        }
        io.tributary.api.model.DifyFile f = io.tributary.api.model.DifyFile.from(m).orElseThrow(() ->
                new ExtractionException("expected a file, got an object with dify_model_identity "
                        + m.get(io.tributary.api.model.DifyFile.IDENTITY_KEY)));
        String method = f.transferMethod();
        String relatedId = f.relatedId();
        String remoteUrl = f.remoteUrl();
        if (remoteUrl == null && "remote_url".equals(method)) {
            remoteUrl = f.url();
        }
        String data = text(m.get("data"));
        String filename = f.filename();
        String extension = extension(f.extension(), filename);
        String mime = f.mimeType();
        mime = mime == null ? "" : mime.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (filename == null) {
            filename = relatedId != null ? relatedId + extension : remoteUrl != null ? remoteUrl : "file" + extension;
        }
        if (method == null) {
            method = data != null || relatedId != null ? "tool_file" : remoteUrl != null ? "remote_url" : "";
        }
        return new DifyFile(method, relatedId, remoteUrl, data, filename, extension, mime);
    }

    /** {@code .pdf} from {@code pdf}, {@code .PDF} or, when absent, the file name. */
    private static String extension(String given, String filename) {
        String e = given;
        if (e == null && filename != null && filename.lastIndexOf('.') > 0) {
            e = filename.substring(filename.lastIndexOf('.'));
        }
        if (e == null || e.isBlank()) {
            return "";
        }
        e = e.trim().toLowerCase(Locale.ROOT);
        return e.startsWith(".") ? e : "." + e;
    }

    private static String text(Object v) {
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing (the variable does not exist or is null)";
        }
        return value instanceof String ? "a string" : value instanceof Number ? "a number"
                : value instanceof Boolean ? "a boolean" : value instanceof java.util.List ? "a list"
                : value instanceof Map ? "an object that is not a file" : value.getClass().getSimpleName();
    }
}
