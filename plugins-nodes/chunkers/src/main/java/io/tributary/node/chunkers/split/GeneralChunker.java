package io.tributary.node.chunkers.split;

import java.util.ArrayList;
import java.util.List;

/**
 * The general chunker: clean ({@link TextCleaner}), split ({@link FixedRecursiveSplitter}), then per chunk remove
 * leading symbols and strip, dropping empty chunks (Dify core's {@code ParagraphIndexProcessor.transform}).
 * Immutable and thread-safe.
 */
public final class GeneralChunker {
    /** Defaults of Dify's general-chunker tool code. */
    public static final String DEFAULT_DELIMITER = "。";
    public static final int DEFAULT_MAX_LENGTH = 1000;
    public static final int DEFAULT_OVERLAP = 100;

    private final TextCleaner cleaner;
    private final FixedRecursiveSplitter splitter;

    /**
     * @throws IllegalArgumentException outside Dify's limits ({@link ChunkLimits})
     */
    public GeneralChunker(String delimiter, int maxLength, int overlap, boolean removeExtraSpaces,
            boolean removeUrlsEmails) {
        List<String> problems = new ArrayList<>();
        ChunkLimits.check("max_chunk_length", maxLength, "chunk_overlap", overlap, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.cleaner = new TextCleaner(removeExtraSpaces, removeUrlsEmails);
        this.splitter = new FixedRecursiveSplitter(maxLength, overlap, delimiter);
    }

    public List<String> chunk(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : splitter.split(cleaner.clean(text))) {
            String c = PyText.strip(LeadingSymbols.remove(piece));
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }
}
