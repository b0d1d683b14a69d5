package io.tributary.api.store;

import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.PipelineItem;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable queue of pipeline items ({@link DatasetStore#createDocuments} fills it). Single-process semantics:
 * an item a worker claimed stays {@code running} until {@link #complete}; after a crash {@link #requeueRunning} puts
 * such items back.
 */
@ProviderType
public interface PipelineQueue {

    /** Claims up to {@code max} queued items, oldest first, marking them {@code running} (attempts + 1). */
    List<PipelineItem> claim(int max);

    /**
     * Ends a claimed item: its document gets {@code status} and {@code error} (as
     * {@link DatasetStore#updateStatus} sets them) and the item is {@code done}, in one transaction, so a crash
     * never leaves a finished document with a running item or the reverse. A document deleted meanwhile is
     * skipped; the item still ends.
     *
     * @param status {@link IndexingStatus#COMPLETED} or {@link IndexingStatus#ERROR}
     * @param error  the error shown on the document, {@code null} when it completed
     * @throws IllegalArgumentException when {@code status} is not terminal
     */
    void complete(PipelineItem item, IndexingStatus status, String error);

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
