/**
 * Recorded runs ({@code workflow_runs}) and node executions ({@code node_executions}). {@code RunRecorder} is an
 * engine layer that writes them from the engine's events, synchronously, so a run's record is final by the time
 * its {@code RunFinished} reaches the HTTP layer. JSON values are text columns (portable across H2 and
 * PostgreSQL).
 */
package io.tributary.store.runs;
