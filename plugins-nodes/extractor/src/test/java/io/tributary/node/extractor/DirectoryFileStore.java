package io.tributary.node.extractor;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.tributary.api.store.FileStore;
import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.dto.UploadFile;

/**
 * A {@link FileStore} over a temporary directory (content on disk, metadata in memory): the store bundle's
 * implementation is being built in parallel, and the node only needs {@code open}.
 */
final class DirectoryFileStore implements FileStore {
    private final Path dir;
    private final Map<String, UploadFile> files = new ConcurrentHashMap<>();

    DirectoryFileStore(Path dir) {
        this.dir = dir;
    }

    /** Saves bytes and returns the id. */
    String put(String name, byte[] content) throws IOException {
        return save(name, null, "test", new java.io.ByteArrayInputStream(content), Long.MAX_VALUE).id();
    }

    @Override
    public UploadFile save(String name, String mimeType, String createdBy, String scope, InputStream content,
                           long maxBytes)
            throws IOException {
        String id = UUID.randomUUID().toString();
        byte[] bytes = content.readAllBytes();
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
        Files.write(dir.resolve(id), bytes);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        UploadFile f = new UploadFile(id, name, bytes.length, ext, mimeType == null ? "application/octet-stream"
                : mimeType, "", createdBy, Instant.now());
        files.put(id, f);
        return f;
    }

    @Override
    public Optional<UploadFile> file(String id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public InputStream open(String id) throws IOException {
        if (!files.containsKey(id)) {
            throw new FileNotFoundException(id);
        }
        return Files.newInputStream(dir.resolve(id));
    }
}
