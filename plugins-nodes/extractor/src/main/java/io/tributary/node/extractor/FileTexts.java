package io.tributary.node.extractor;

import java.time.Instant;
import java.util.Map;

import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.store.FileStore;

/**
 * The text of one Dify File value, within the limits: the bytes from where the file lives ({@link ContentLoader}),
 * the text from Tika ({@link TextExtractor}). Shared rule of the nodes that extract files: a file that cannot be
 * read or parsed fails the node with {@code Failed to extract text from <name>: <reason>}.
 */
final class FileTexts implements AutoCloseable {
    private final ExtractorLimits limits;
    private final ContentLoader loader;
    private final TextExtractor extractor;
    private final String errorType;

    FileTexts(ExtractorLimits limits, FileStore files, SsrfGuard guard, String errorType) {
        this.limits = limits;
        this.loader = new ContentLoader(files, new RemoteFiles(guard));
        this.extractor = new TextExtractor(new TikaParsers(limits));
        this.errorType = errorType;
    }

    /** The text of the file {@code value} (a Dify File mapping). */
    String text(Object value, Instant deadline) throws NodeExecutionException, InterruptedException {
        String name = filename(value);
        try {
            DifyFile file = DifyFile.of(value);
            name = file.filename();
            byte[] bytes = loader.load(file, limits);
            return extractor.extract(file, bytes, limits, deadline);
        } catch (ExtractionException e) {
            throw new NodeExecutionException("Failed to extract text from " + name + ": " + e.getMessage(),
                    errorType, e);
        }
    }

    /** The file's name as given, {@code file} when it has none. */
    static String filename(Object value) {
        return value instanceof Map<?, ?> m && m.get("filename") instanceof String s ? s : "file";
    }

    @Override
    public void close() {
        extractor.close();
    }
}
