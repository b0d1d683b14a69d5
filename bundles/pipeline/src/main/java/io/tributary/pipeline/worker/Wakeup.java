package io.tributary.pipeline.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A wake-up that is never lost: a signal given while nobody waits is seen by the next wait. */
final class Wakeup {
    private final Semaphore permits = new Semaphore(0);

    void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a signal or the timeout; returns at once when a signal is pending. */
    void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
