package io.tributary.node.chunkers.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Dify core's {@code FixedRecursiveCharacterTextSplitter} (reference §6.2–6.3), lengths in code points:
 *
 * <ol>
 * <li>the text is split on the fixed separator (plain split, no regex); pieces no longer than the chunk size are
 * kept as they are, neither merged with neighbours nor overlapped;</li>
 * <li>a longer piece is split on the first of {@code ["\n\n","。",". "," ",""]} it contains, each piece keeping the
 * separator at its end ({@code " "} splits on runs of spaces and keeps one); pieces shorter than the chunk size
 * are packed greedily by {@link SplitMerger}, longer ones recurse through {@link #splitRegexLevel} (LangChain's
 * {@code _split_text}, separator kept at the start of the following piece);</li>
 * <li>with no separator left, characters are packed with an explicit overlap.</li>
 * </ol>
 *
 * Unlike the official-plugin copy that Dify's pipelines run, separators are never dropped; unlike Dify the fixed
 * separator's escapes are decoded without garbling non-ASCII text ({@link DelimiterEscapes}). Instances are
 * immutable and thread-safe.
 */
public final class FixedRecursiveSplitter {
    /** The separators Dify's index processors pass. */
    public static final List<String> DEFAULT_SEPARATORS = List.of("\n\n", "。", ". ", " ", "");

    private final int chunkSize;
    private final int chunkOverlap;
    private final String fixedSeparator;
    private final List<String> separators;
    private final SplitMerger merger;

    /**
     * @param fixedSeparator the delimiter as typed (escapes such as {@code \n} are decoded); empty for none
     * @throws IllegalArgumentException when the size is not positive or the overlap is negative or not smaller
     */
    public FixedRecursiveSplitter(int chunkSize, int chunkOverlap, String fixedSeparator) {
        this(chunkSize, chunkOverlap, fixedSeparator, DEFAULT_SEPARATORS);
    }

    public FixedRecursiveSplitter(int chunkSize, int chunkOverlap, String fixedSeparator, List<String> separators) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        if (chunkOverlap < 0 || chunkOverlap >= chunkSize) {
            throw new IllegalArgumentException("chunk overlap (" + chunkOverlap
                    + ") must be at least 0 and smaller than the chunk size (" + chunkSize + ")");
        }
        this.chunkSize = chunkSize;
        this.chunkOverlap = chunkOverlap;
        this.fixedSeparator = DelimiterEscapes.decode(fixedSeparator == null ? "" : fixedSeparator);
        this.separators = List.copyOf(separators);
        this.merger = new SplitMerger(chunkSize, chunkOverlap);
    }

    /** The pieces of {@code text}, unstripped where they came straight from the fixed split (as in Dify). */
    public List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (fixedSeparator.isEmpty()) {
            addPiece(text, out);
            return out;
        }
        int from = 0;
        int at;
        while ((at = text.indexOf(fixedSeparator, from)) >= 0) {
            addPiece(text.substring(from, at), out);
            from = at + fixedSeparator.length();
        }
        addPiece(text.substring(from), out);
        return out;
    }

    private void addPiece(String piece, List<String> out) {
        if (piece.length() > chunkSize && PyText.length(piece) > chunkSize) {
            out.addAll(recursiveSplit(piece));
        } else {
            out.add(piece);
        }
    }

    /** Dify's {@code recursive_split_text}: separators kept at the END of each piece but the last. */
    List<String> recursiveSplit(String text) {
        String separator = "";
        List<String> rest = List.of();
        for (int i = 0; i < separators.size(); i++) {
            String s = separators.get(i);
            if (s.isEmpty()) {
                break;
            }
            if (text.contains(s)) {
                separator = s;
                rest = separators.subList(i + 1, separators.size());
                break;
            }
        }
        if (separator.isEmpty()) {
            return packCharacters(text);
        }
        List<String> splits = " ".equals(separator) ? splitOnSpaceRuns(text) : splitKeepingAtEnd(text, separator);
        return mergeOrRecurse(splits, rest);
    }

    /** LangChain's {@code _split_text}: separators kept at the START of the following piece. */
    List<String> splitRegexLevel(String text, List<String> candidates) {
        String separator = candidates.get(candidates.size() - 1);
        List<String> rest = List.of();
        for (int i = 0; i < candidates.size(); i++) {
            String s = candidates.get(i);
            if (s.isEmpty()) {
                separator = s;
                break;
            }
            // Dify tests with re.search, so ". " matches any character before a space; when the literal is absent
            // the split is a no-op and the next separator is tried, which is what this literal test does.
            if (text.contains(s)) {
                separator = s;
                rest = candidates.subList(i + 1, candidates.size());
                break;
            }
        }
        List<String> splits = new ArrayList<>();
        if (separator.isEmpty()) {
            characters(text, splits);
        } else {
            int from = 0;
            int at = text.indexOf(separator);
            int start = 0;
            while (at >= 0) {
                addKept(text.substring(start, at), splits);
                start = at;
                from = at + separator.length();
                at = text.indexOf(separator, from);
            }
            addKept(text.substring(start), splits);
        }
        return mergeOrRecurse(splits, rest);
    }

    private List<String> mergeOrRecurse(List<String> splits, List<String> rest) {
        List<String> out = new ArrayList<>();
        List<String> good = new ArrayList<>();
        List<Integer> goodLengths = new ArrayList<>();
        for (String s : splits) {
            int len = PyText.length(s);
            if (len < chunkSize) {
                good.add(s);
                goodLengths.add(len);
                continue;
            }
            if (!good.isEmpty()) {
                merger.merge(good, goodLengths, out);
                good.clear();
                goodLengths.clear();
            }
            if (rest.isEmpty()) {
                out.add(s);
            } else {
                out.addAll(splitRegexLevel(s, rest));
            }
        }
        if (!good.isEmpty()) {
            merger.merge(good, goodLengths, out);
        }
        return out;
    }

    /** Character level: pack code points while they fit {@code size - overlap}, remembering the overlap tail. */
    private List<String> packCharacters(String text) {
        List<String> chars = new ArrayList<>();
        characters(text, chars);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentLength = 0;
        StringBuilder overlap = new StringBuilder();
        int overlapLength = 0;
        for (String c : chars) {
            if (currentLength + 1 <= chunkSize - chunkOverlap) {
                current.append(c);
                currentLength++;
            } else if (currentLength + 1 <= chunkSize) {
                current.append(c);
                currentLength++;
                overlap.append(c);
                overlapLength++;
            } else {
                out.add(current.toString());
                current.setLength(0);
                current.append(overlap).append(c);
                currentLength = overlapLength + 1;
                overlap.setLength(0);
                overlapLength = 0;
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    /** Python's {@code list(text)} without the {@code "\n"} pieces Dify filters out. */
    private static void characters(String text, List<String> out) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp != '\n') {
                out.add(text.substring(i, i + n));
            }
            i += n;
        }
    }

    private static List<String> splitKeepingAtEnd(String text, String separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = text.indexOf(separator, from)) >= 0) {
            addKept(text.substring(from, at + separator.length()), out);
            from = at + separator.length();
        }
        addKept(text.substring(from), out);
        return out;
    }

    /** {@code re.split(r" +")} with one {@code " "} appended to every piece but the last. */
    private static List<String> splitOnSpaceRuns(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            if (text.charAt(i) != ' ') {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < n && text.charAt(runEnd) == ' ') {
                runEnd++;
            }
            addKept(text.substring(start, i) + " ", out);
            start = runEnd;
            i = runEnd;
        }
        addKept(text.substring(start), out);
        return out;
    }

    /** Dify drops empty pieces and lone newlines. */
    private static void addKept(String piece, List<String> out) {
        if (!piece.isEmpty() && !"\n".equals(piece)) {
            out.add(piece);
        }
    }
}
