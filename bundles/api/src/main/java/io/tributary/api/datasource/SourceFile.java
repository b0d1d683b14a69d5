package io.tributary.api.datasource;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file an {@link OnlineDriveSource} downloads, readable as a stream (possibly more than once); the
 * {@code datasource} node copies it into the file store. ({@code local_file} files are already in the store: see
 * {@link LocalFile}.)
 *
 * @param name     file name with extension
 * @param mimeType MIME type, or {@code application/octet-stream}
 * @param size     size in bytes, or -1 if unknown
 * @param content  opens the content; the caller closes the stream
 */
public record SourceFile(String name, String mimeType, long size, Opener content) {

    /** Opens a file's content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
