/**
 * The run's domain model (graphon's {@code domain}): the indexed {@link
 * io.tributary.engine.impl.domain.GraphStructure} with its structural checks, resolved nodes ({@link
 * io.tributary.engine.impl.domain.NodeSpec}), the {@link io.tributary.engine.impl.domain.RunPlan} holding the
 * leases, and per-execution records.
 */
package io.tributary.engine.impl.domain;
