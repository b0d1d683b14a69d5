package io.tributary.api.store;

import io.tributary.api.store.dto.UploadFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Uploaded files: content on local disk under the data directory (by SHA-256), metadata in the database. A file is
 * durable once {@link #save} returns.
 */
@ProviderType
public interface FileStore {

    /**
     * Streams {@code content} to disk, stopping as soon as more than {@code maxBytes} were read.
     *
     * @param name      the original file name (no path)
     * @param mimeType  the MIME type, or {@code null} to derive it from the extension
     * @param createdBy the uploader, may be {@code null}
     * @throws FileTooLargeException when the content is larger than {@code maxBytes}; nothing is kept
     * @throws IOException           when reading {@code content} fails; nothing is kept
     */
    default UploadFile save(String name, String mimeType, String createdBy, InputStream content, long maxBytes)
            throws IOException {
        return save(name, mimeType, createdBy, "", content, maxBytes);
    }

    /**
     * As {@link #save(String, String, String, InputStream, long)}, recording whose upload it is.
     *
     * @param scope {@link UploadFile#appScope} or {@link UploadFile#DATASETS_SCOPE} of the key that uploaded it;
     *              {@code null} or empty for a file that belongs to no API scope (saved by a node)
     */
    UploadFile save(String name, String mimeType, String createdBy, String scope, InputStream content, long maxBytes)
            throws IOException;

    /** The file's metadata, or empty. */
    Optional<UploadFile> file(String id);

    /**
     * The file if it belongs to {@code scope}: an upload of another app or dataset is answered exactly as an unknown
     * id (empty), so ids cannot be probed across scopes.
     */
    default Optional<UploadFile> file(String id, String scope) {
        return file(id).filter(f -> f.scope().equals(scope));
    }

    /**
     * Opens the file's content; the caller closes the stream.
     *
     * @throws java.io.FileNotFoundException when there is no such file
     */
    InputStream open(String id) throws IOException;
}
