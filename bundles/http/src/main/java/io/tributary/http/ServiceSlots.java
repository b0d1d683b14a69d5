package io.tributary.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The map of the HTTP server's dynamic services, keyed by DS reference name. Declarative Services keeps the bound
 * provider of each reference (optional, dynamic, greedy: a better provider replaces the bound one); a slot reads
 * it through the locator ({@code ComponentContext::locateService}) on every call, so it is never stale. Whenever
 * any reference changes, {@link #changed()} wakes the requests waiting for a provider; a request waits at most
 * {@code waitMillis} in all, then gets 503.
 */
public final class ServiceSlots {
    /** Waiters re-read the locator at least this often, should a change come without a signal. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Function<String, Object> locator;
    private final long waitMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /**
     * @param locator    the bound service of a reference name, or {@code null} when none is bound now
     * @param waitMillis how long a request waits for a missing provider before 503
     */
    public ServiceSlots(Function<String, Object> locator, long waitMillis) {
        this.locator = locator;
        this.waitMillis = waitMillis;
    }

    /** The slot of the reference {@code reference} (its services are {@code type}), named {@code label} in a 503. */
    public <T> ServiceSlot<T> slot(String reference, Class<T> type, String label) {
        return new ServiceSlot<>(label, () -> type.cast(locator.apply(reference)), this);
    }

    /** A reference was bound or unbound: waiting requests look again. */
    public void changed() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    <T> T await(Supplier<T> current, String label) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        lock.lock();
        try {
            T s;
            while ((s = current.get()) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw ApiException.unavailable("The " + label + " service is not available; try again shortly.");
                }
                changed.awaitNanos(Math.min(left, RECHECK_NANOS));
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for the " + label + " service.");
        } finally {
            lock.unlock();
        }
    }
}
