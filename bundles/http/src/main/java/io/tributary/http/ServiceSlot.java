package io.tributary.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds a dynamic service reference for the routes. While a provider bundle is being replaced the slot is
 * briefly empty: {@link #get()} then waits a short, bounded time for the new one instead of failing at once.
 */
public final class ServiceSlot<T> {
    private final String name;
    private final long waitMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private volatile T service;

    public ServiceSlot(String name, long waitMillis) {
        this.name = name;
        this.waitMillis = waitMillis;
    }

    public void set(T s) {
        lock.lock();
        try {
            service = s;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Clears the slot if it still holds {@code s}. */
    public void unset(T s) {
        lock.lock();
        try {
            if (service == s) {
                service = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The service, waiting briefly if it is being replaced; a 503 if it does not come back. */
    public T get() {
        T s = service;
        if (s != null) {
            return s;
        }
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (service == null && nanos > 0) {
                nanos = filled.awaitNanos(nanos);
            }
            if (service == null) {
                throw ApiException.unavailable("The " + name + " service is not available; try again shortly.");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for the " + name + " service.");
        } finally {
            lock.unlock();
        }
    }

    /** The service if present now, else {@code null}; never waits. */
    public T peek() {
        return service;
    }
}
