package io.tributary.engine.impl.workers;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cheap deadlines for things that almost never fire (per-node timeouts, run time limits). Arming one puts it
 * in a bucket (a time slot); the timer thread is woken once per bucket, not once per node, so a chain of fast
 * nodes costs a set insert and remove per node. Deadlines fire up to {@value #RESOLUTION_MILLIS} ms late.
 *
 * <p>Slots are {@value #RESOLUTION_MILLIS} ms wide near their due time and coarser far from it (a slot is at
 * most 1/64 of the time left, in powers of two): a coarse slot fires before its deadlines are due and moves
 * the ones still armed to finer slots. So a 600 s node timeout under constant load keeps about a hundred
 * buckets alive, not sixty thousand.
 */
public final class Deadlines {
    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
    static final long RESOLUTION_MILLIS = 10;
    private static final long RESOLUTION = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);
    private static final int MAX_LEVEL = 30;

    /** An armed deadline. */
    public static final class Deadline {
        private final long due;
        private final Runnable action;
        /** A cheap hash (deadlines live in hash sets; an identity hash costs a VM call on a new object). */
        private final int hash = ThreadLocalRandom.current().nextInt();
        private volatile Bucket bucket;
        private volatile boolean cancelled;

        private Deadline(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        /** Disarms it (no effect once it fired). */
        public void cancel() {
            cancelled = true;
            Bucket b = bucket;
            if (b != null) {
                b.deadlines.remove(this);
            }
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }
    }

    /** The deadlines of one time slot: {@code level} 0 fires after them, a coarser level before them. */
    private static final class Bucket {
        final long key;
        final int level;
        final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
        volatile boolean fired;

        Bucket(long key, int level) {
            this.key = key;
            this.level = level;
        }
    }

    private final ScheduledExecutorService timers;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    /** The bucket armed last: consecutive deadlines mostly fall into the same one (no map lookup then). */
    private volatile Bucket last;

    public Deadlines(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Runs {@code action} on the timer thread once {@code delayNanos} have passed, unless cancelled first. */
    public Deadline arm(long delayNanos, Runnable action) {
        long now = System.nanoTime();
        Deadline d = new Deadline(now + Math.max(0, delayNanos), action);
        place(d, now);
        return d;
    }

    private void place(Deadline d, long now) {
        int level = level(d.due - now);
        long width = RESOLUTION << level;
        // level 0: the slot ending after the due time; coarser: the slot ending before it
        long slot = level == 0 ? Math.floorDiv(d.due, width) + 1 : Math.floorDiv(d.due, width);
        long key = slot * (MAX_LEVEL + 1) + level;
        Bucket bucket = last;
        if (bucket == null || bucket.key != key || bucket.fired) {
            bucket = buckets.computeIfAbsent(key, k -> {
                Bucket b = new Bucket(k, level);
                timers.schedule(() -> fire(k), Math.max(0, slot * width - now), TimeUnit.NANOSECONDS);
                return b;
            });
            last = bucket;
        }
        d.bucket = bucket;
        bucket.deadlines.add(d);
        if (d.cancelled) {
            bucket.deadlines.remove(d);
        } else if (bucket.fired && bucket.deadlines.remove(d)) {
            // the bucket fired while this was being added: place it again
            place(d, System.nanoTime());
        }
    }

    /** 0 for the finest slots; else the largest level whose slot is at most 1/64 of the time left. */
    private static int level(long left) {
        int level = 0;
        while (level < MAX_LEVEL && (RESOLUTION << (level + 1)) * 64 <= left) {
            level++;
        }
        return level;
    }

    private void fire(long key) {
        Bucket bucket = buckets.remove(key);
        if (bucket == null) {
            return;
        }
        bucket.fired = true;
        long now = System.nanoTime();
        for (Deadline d : bucket.deadlines) {
            if (!bucket.deadlines.remove(d) || d.cancelled) {
                continue;
            }
            if (bucket.level > 0 && d.due - now > RESOLUTION) {
                place(d, now);
                continue;
            }
            try {
                d.action.run();
            } catch (RuntimeException e) {
                LOG.error("Deadline action failed", e);
            }
        }
    }
}
