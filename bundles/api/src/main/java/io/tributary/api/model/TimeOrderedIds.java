package io.tributary.api.model;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made later sort later, so rows
 * keyed by them land at the end of a B-tree index instead of on random pages (far fewer pages rewritten per commit in
 * H2's copy-on-write store and in PostgreSQL). Random bits come from {@link ThreadLocalRandom}: these are ids, not
 * secrets.
 */
public final class TimeOrderedIds {
    private TimeOrderedIds() {
    }

    /** A new version-7 UUID in its canonical string form. */
    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (System.currentTimeMillis() << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
