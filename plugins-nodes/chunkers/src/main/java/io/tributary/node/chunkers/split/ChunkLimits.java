package io.tributary.node.chunkers.split;

import java.util.List;

/** Dify's limits on custom segmentation: length 50..4000 characters, overlap at least 0 and below the length. */
public final class ChunkLimits {
    public static final int MIN_LENGTH = 50;
    public static final int MAX_LENGTH = 4000;

    private ChunkLimits() {
    }

    /** Adds Dify's messages for a bad length or overlap to {@code problems}. */
    public static void check(String lengthName, long length, String overlapName, long overlap, List<String> problems) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            problems.add("'" + lengthName + "' is " + length + ": Custom segment length should be between "
                    + MIN_LENGTH + " and " + MAX_LENGTH + ".");
        } else if (overlap < 0) {
            problems.add("'" + overlapName + "' is " + overlap + ": the overlap cannot be negative");
        } else if (overlap >= length) {
            problems.add("'" + overlapName + "' is " + overlap + ": the overlap must be smaller than '" + lengthName
                    + "' (" + length + ")");
        }
    }
}
