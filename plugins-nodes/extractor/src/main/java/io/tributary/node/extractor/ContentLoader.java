package io.tributary.node.extractor;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import io.tributary.api.store.FileStore;

/**
 * Reads a file's bytes, at most {@link ExtractorLimits#maxBytes()}: local and tool files from the
 * {@link FileStore} by {@code related_id}, tool files with inline base64 {@code data}, remote files through
 * {@link RemoteFiles} (the SSRF guard).
 */
final class ContentLoader {
    private final FileStore files;
    private final RemoteFiles remote;

    ContentLoader(FileStore files, RemoteFiles remote) {
        this.files = files;
        this.remote = remote;
    }

    byte[] load(DifyFile file, ExtractorLimits limits) throws ExtractionException, InterruptedException {
        if (file.data() != null && !"remote_url".equals(file.transferMethod())) {
            return inline(file.data(), limits.maxBytes());
        }
        if (file.relatedId() != null && !"remote_url".equals(file.transferMethod())) {
            if (files == null) {
                throw new ExtractionException("the file store is not available");
            }
            try (InputStream in = files.open(file.relatedId())) {
                return readLimited(in, limits.maxBytes());
            } catch (FileNotFoundException e) {
                throw new ExtractionException("File is not exist.", e);
            } catch (IOException e) {
                throw new ExtractionException("cannot read the file: " + e.getMessage(), e);
            }
        }
        if (file.remoteUrl() != null) {
            return remote.download(file.remoteUrl(), limits);
        }
        throw new ExtractionException("the file has no content: no related_id, data or remote_url");
    }

    private static byte[] inline(String base64, long maxBytes) throws ExtractionException {
        // Decoded size is about 3/4 of the text; refuse before decoding a value that is clearly too large.
        if (base64.length() / 4 * 3 > maxBytes + 3) {
            throw tooLarge(maxBytes);
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new ExtractionException("the file's inline data is not valid base64", e);
        }
    }

    /** Reads all of {@code in}, failing as soon as more than {@code maxBytes} arrive. */
    static byte[] readLimited(InputStream in, long maxBytes) throws IOException, ExtractionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static ExtractionException tooLarge(long maxBytes) {
        return new ExtractionException("the file is larger than the limit of " + maxBytes + " bytes");
    }
}
