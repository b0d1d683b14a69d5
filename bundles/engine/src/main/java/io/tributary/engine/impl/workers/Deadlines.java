package io.tributary.engine.impl.workers;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cheap deadlines for things that almost never fire (per-node timeouts, run time limits). Arming one puts it
 * in a bucket of {@value #RESOLUTION_MILLIS} ms; the timer thread is woken once per bucket, not once per node,
 * so a chain of fast nodes costs a map insert and remove per node. Deadlines fire up to one bucket late.
 */
public final class Deadlines {
    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
    static final long RESOLUTION_MILLIS = 10;
    private static final long RESOLUTION = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);

    /** An armed deadline. */
    public static final class Deadline {
        private final Set<Deadline> bucket;
        private final Runnable action;

        private Deadline(Set<Deadline> bucket, Runnable action) {
            this.bucket = bucket;
            this.action = action;
        }

        /** Disarms it (no effect once it fired). */
        public void cancel() {
            bucket.remove(this);
        }
    }

    /** The deadlines due at the end of one time slot. */
    private static final class Bucket {
        final long key;
        final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
        volatile boolean fired;

        Bucket(long key) {
            this.key = key;
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
        long key = Math.floorDiv(now + delayNanos, RESOLUTION) + 1;
        Bucket bucket = last;
        if (bucket == null || bucket.key != key || bucket.fired) {
            bucket = buckets.computeIfAbsent(key, k -> {
                Bucket b = new Bucket(k);
                timers.schedule(() -> fire(k), Math.max(0, k * RESOLUTION - now), TimeUnit.NANOSECONDS);
                return b;
            });
            last = bucket;
        }
        Deadline d = new Deadline(bucket.deadlines, action);
        bucket.deadlines.add(d);
        if (bucket.fired && bucket.deadlines.remove(d)) {
            // the bucket fired while this was being added: arm again (it is due now or in the next slot)
            return arm(Math.max(0, now + delayNanos - System.nanoTime()), action);
        }
        return d;
    }

    private void fire(long key) {
        Bucket bucket = buckets.remove(key);
        if (bucket == null) {
            return;
        }
        bucket.fired = true;
        for (Deadline d : bucket.deadlines) {
            if (bucket.deadlines.remove(d)) {
                try {
                    d.action.run();
                } catch (RuntimeException e) {
                    LOG.error("Deadline action failed", e);
                }
            }
        }
    }
}
