package io.tributary.node.chunkers;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.tributary.api.store.FileStore;
import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.dto.UploadFile;

/**
 * A minimal {@link FileStore} on a directory (one file per id), for tests of a plugin that only reads files: the
 * store bundle's implementation is not available to this module.
 */
final class DiskFileStore implements FileStore {
    private final Path dir;

    DiskFileStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public UploadFile save(String name, String mimeType, String createdBy, String scope, InputStream content,
                           long maxBytes)
            throws IOException {
        String id = UUID.randomUUID().toString();
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
        Files.write(dir.resolve(id), bytes);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return new UploadFile(id, name, bytes.length, ext, mimeType, "", createdBy, Instant.now());
    }

    @Override
    public Optional<UploadFile> file(String id) {
        return Optional.empty();
    }

    @Override
    public InputStream open(String id) throws IOException {
        Path p = dir.resolve(id);
        if (!Files.exists(p)) {
            throw new FileNotFoundException(id);
        }
        return Files.newInputStream(p);
    }
}
