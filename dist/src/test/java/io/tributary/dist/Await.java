package io.tributary.dist;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;

/**
 * Waits for a condition about the framework: re-checked whenever a bundle or service event happens, never by
 * sleeping. Returns how long it took, or fails after the timeout.
 */
final class Await {
    private Await() {
    }

    static long until(BundleContext ctx, Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        Semaphore changed = new Semaphore(0);
        ServiceListener sl = e -> changed.release();
        BundleListener bl = e -> changed.release();
        ctx.addServiceListener(sl);
        ctx.addBundleListener(bl);
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
                }
                // Wake on the next framework event; the cap guards against an event that came between check and wait.
                changed.tryAcquire(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                changed.drainPermits();
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        } finally {
            ctx.removeServiceListener(sl);
            ctx.removeBundleListener(bl);
        }
    }
}
