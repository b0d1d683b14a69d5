package io.tributary.api.store;

import io.tributary.api.store.dto.PipelineItem;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable queue of pipeline items ({@link DatasetStore#createDocuments} fills it). Single-process semantics:
 * an item a worker claimed stays {@code running} until {@link #finish}; after a crash {@link #requeueRunning} puts
 * such items back.
 */
@ProviderType
public interface PipelineQueue {

    /** Claims up to {@code max} queued items, oldest first, marking them {@code running} (attempts + 1). */
    List<PipelineItem> claim(int max);

    /** Marks the item {@code done}. */
    void finish(String itemId);

    /**
     * Puts every {@code running} item back to {@code queued} and its document (unless it already ended) back to
     * {@code waiting}, in one transaction; returns how many items. Call once at start-up.
     */
    int requeueRunning();

    /** The item, or empty. */
    Optional<PipelineItem> item(String itemId);

    /** Items queued or running. */
    long pending();
}
