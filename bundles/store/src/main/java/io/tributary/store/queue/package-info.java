/**
 * The durable queue of pipeline items (table {@code pipeline_items}): one row per document whose pipeline run is
 * pending, {@code queued} → {@code running} (claimed by a worker) → {@code done}. The dataset store inserts the
 * rows in the same transaction as the documents; the pipeline worker claims and finishes them.
 */
package io.tributary.store.queue;
