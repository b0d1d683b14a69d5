package io.tributary.http;

import java.util.function.Supplier;

/**
 * One dynamic service the routes call, read from its {@link ServiceSlots} map. While a provider bundle is being
 * replaced the slot is briefly empty: {@link #get()} then waits a short, bounded time for the new one instead of
 * failing at once, and answers 503 {@code service_unavailable} if none comes.
 */
public final class ServiceSlot<T> {
    private final String label;
    private final Supplier<T> current;
    private final ServiceSlots slots;

    ServiceSlot(String label, Supplier<T> current, ServiceSlots slots) {
        this.label = label;
        this.current = current;
        this.slots = slots;
    }

    /** The service, waiting briefly if it is being replaced; a 503 if it does not come back. */
    public T get() {
        T s = current.get();
        return s != null ? s : slots.await(current, label);
    }

    /** The service if present now, else {@code null}; never waits. */
    public T peek() {
        return current.get();
    }
}
