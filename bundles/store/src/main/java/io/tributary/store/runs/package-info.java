/**
 * Recorded runs ({@code workflow_runs}) and node executions ({@code node_executions}). {@code RunRecorder} is an
 * engine layer and the one writer of run records: it turns the engine's events into writes (the owner and user
 * from {@code RunStarted.origin()}, refused runs from {@code RunRejected}); {@code RunWriter} commits them behind
 * the engine in batches (group commit), and reads flush it first, so a read sees every earlier write. The
 * recorder's start and end stages complete when the run's first and last writes are committed; the engine
 * completes {@code RunHandle.started()}/{@code completion()} after them, so callers never record or flush. JSON values are text columns (portable
 * across H2 and PostgreSQL).
 */
package io.tributary.store.runs;
