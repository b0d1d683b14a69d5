/**
 * Recorded runs ({@code workflow_runs}) and node executions ({@code node_executions}). {@code RunRecorder} is an
 * engine layer that turns the engine's events into writes; {@code RunWriter} commits them behind the engine in
 * batches (group commit), and reads flush it first, so a read sees every earlier write. Callers that acknowledge a
 * finished run to a client call {@code RunStore.flush()} before they do. JSON values are text columns (portable
 * across H2 and PostgreSQL).
 */
package io.tributary.store.runs;
