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

    private final ScheduledExecutorService timers;
    private final Map<Long, Set<Deadline>> buckets = new ConcurrentHashMap<>();

    public Deadlines(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Runs {@code action} on the timer thread once {@code delayNanos} have passed, unless cancelled first. */
    public Deadline arm(long delayNanos, Runnable action) {
        long now = System.nanoTime();
        long key = Math.floorDiv(now + delayNanos, RESOLUTION) + 1;
        Set<Deadline> bucket = buckets.computeIfAbsent(key, k -> {
            Set<Deadline> b = ConcurrentHashMap.newKeySet();
            timers.schedule(() -> fire(k), Math.max(0, k * RESOLUTION - now), TimeUnit.NANOSECONDS);
            return b;
        });
        Deadline d = new Deadline(bucket, action);
        bucket.add(d);
        return d;
    }

    private void fire(long key) {
        Set<Deadline> bucket = buckets.remove(key);
        if (bucket == null) {
            return;
        }
        for (Deadline d : bucket) {
            if (bucket.remove(d)) {
                try {
                    d.action.run();
                } catch (RuntimeException e) {
                    LOG.error("Deadline action failed", e);
                }
            }
        }
    }
}
