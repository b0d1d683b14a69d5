package io.tributary.store.db;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Rows read on every API request (an app, its published version), kept for a few seconds. The store that owns the
 * rows invalidates an entry when it changes them, so this process sees its own changes at once; a change made by
 * another process sharing the database is seen within the time to live. Empty results are not cached.
 *
 * @param <V> the cached value
 */
public final class ShortCache<V> {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long atNanos) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public ShortCache(long ttl, TimeUnit unit) {
        this.ttlNanos = unit.toNanos(ttl);
    }

    /** The cached value for {@code key}, or what {@code load} finds (cached when present). */
    public Optional<V> get(String key, Function<String, Optional<V>> load) {
        Entry<V> e = entries.get(key);
        if (e != null && System.nanoTime() - e.atNanos() < ttlNanos) {
            return Optional.of(e.value());
        }
        Optional<V> v = load.apply(key);
        if (v.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(v.get(), System.nanoTime()));
        } else {
            entries.remove(key);
        }
        return v;
    }

    /** Forgets {@code key}. */
    public void invalidate(String key) {
        entries.remove(key);
    }
}
