/**
 * Orchestration (graphon's {@code orchestration} and {@code GraphEngine}): the per-run composition root
 * {@link io.tributary.engine.impl.orchestration.Run}, the per-scope state machine
 * {@link io.tributary.engine.impl.orchestration.GraphEngine}, the thread-less serial
 * {@link io.tributary.engine.impl.orchestration.RunLoop}, the {@link
 * io.tributary.engine.impl.orchestration.Planner} that validates graphs and resolves node types with leases,
 * and the client's {@link io.tributary.api.engine.RunHandle}.
 */
package io.tributary.engine.impl.orchestration;
