/**
 * The workers that drain the durable queue of pipeline items: bounded concurrency on virtual threads, woken by
 * an in-process signal when items are queued (with a slow poll as a safety net), crash recovery at start and a
 * graceful stop.
 */
package io.tributary.pipeline.worker;
