package io.tributary.node.chunkers.split;

import java.util.ArrayList;
import java.util.List;

/**
 * The parent-child chunker (reference §2.3, §6.4). {@code paragraph}: the cleaned text is split into parents
 * ({@code separator}/{@code max_length}), each parent into children ({@code subchunk_separator}/
 * {@code subchunk_max_length}); {@code full_doc}: the whole uncleaned text is the one parent. Overlap is 0 at
 * both levels; parents and children are stripped and lose one leading {@code .} or {@code 。}; empty ones are
 * dropped. Immutable and thread-safe.
 */
public final class ParentChildChunker {
    public static final String DEFAULT_SEPARATOR = "\\n\\n";
    public static final int DEFAULT_MAX_LENGTH = 1024;
    public static final String DEFAULT_SUBCHUNK_SEPARATOR = "\\n";
    public static final int DEFAULT_SUBCHUNK_MAX_LENGTH = 512;

    /** The two modes; {@link #wire()} is the {@code parent_mode} value in the output. */
    public enum Mode {
        PARAGRAPH("paragraph", "paragraph"), FULL_DOC("full_doc", "full-doc");

        private final String param;
        private final String wire;

        Mode(String param, String wire) {
            this.param = param;
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The mode for a {@code parent_mode} parameter ({@code paragraph}, {@code full_doc} or {@code full-doc}). */
        public static Mode of(String value) {
            for (Mode m : values()) {
                if (m.param.equals(value) || m.wire.equals(value)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** One parent and its children. */
    public record Parent(String content, List<String> children) {
    }

    private final Mode mode;
    private final TextCleaner cleaner;
    private final FixedRecursiveSplitter parents;
    private final FixedRecursiveSplitter children;

    /**
     * @throws IllegalArgumentException outside Dify's limits ({@link ChunkLimits}) for either level
     */
    public ParentChildChunker(Mode mode, String separator, int maxLength, String subchunkSeparator,
            int subchunkMaxLength, boolean removeExtraSpaces, boolean removeUrlsEmails) {
        List<String> problems = new ArrayList<>();
        ChunkLimits.check("max_length", maxLength, "overlap", 0, problems);
        ChunkLimits.check("subchunk_max_length", subchunkMaxLength, "overlap", 0, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.mode = mode;
        this.cleaner = new TextCleaner(removeExtraSpaces, removeUrlsEmails);
        this.parents = new FixedRecursiveSplitter(maxLength, 0, separator);
        this.children = new FixedRecursiveSplitter(subchunkMaxLength, 0, subchunkSeparator);
    }

    public Mode mode() {
        return mode;
    }

    public List<Parent> chunk(String text) {
        List<Parent> out = new ArrayList<>();
        if (mode == Mode.FULL_DOC) {
            String whole = stripDot(text);
            if (!whole.isEmpty()) {
                out.add(new Parent(whole, children(whole)));
            }
            return out;
        }
        for (String piece : parents.split(cleaner.clean(text))) {
            String p = stripDot(piece);
            if (!p.isEmpty()) {
                out.add(new Parent(p, children(p)));
            }
        }
        return out;
    }

    private List<String> children(String parent) {
        List<String> out = new ArrayList<>();
        for (String piece : children.split(parent)) {
            String c = stripDot(piece);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static String stripDot(String s) {
        String t = PyText.strip(s);
        if (t.startsWith(".") || t.startsWith("。")) {
            t = PyText.strip(t.substring(1));
        }
        return t;
    }
}
