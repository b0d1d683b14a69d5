package io.tributary.api.datasource;

import java.util.Objects;

/**
 * An uploaded file a {@link LocalFileSource} resolved: its identity and metadata, no content.
 *
 * <p>Why no content: the {@code datasource} node hands a Dify File value ({@code related_id}, name, MIME type,
 * size) to the next nodes through the variable pool, and that value is plain data (it is recorded, streamed and
 * retried). The node that reads the bytes, the document extractor, reads any local or tool file the same way:
 * {@link io.tributary.api.store.FileStore#open} by {@code related_id}, whether it came from a datasource, a
 * workflow upload or a tool. So a local file is named by its file-store {@link #id()}; an opener beside it would be
 * a second way to the same bytes that nothing calls.
 *
 * @param id       the file's id in the {@link io.tributary.api.store.FileStore}; becomes the File value's
 *                 {@code related_id}
 * @param name     file name with extension
 * @param mimeType MIME type, or {@code application/octet-stream}
 * @param size     size in bytes, or -1 if unknown
 */
public record LocalFile(String id, String name, String mimeType, long size) {
    public LocalFile {
        Objects.requireNonNull(id, "id");
    }
}
