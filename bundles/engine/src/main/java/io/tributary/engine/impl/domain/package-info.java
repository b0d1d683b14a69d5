/**
 * The run's domain model (graphon's {@code domain}): the indexed {@link
 * io.tributary.engine.impl.domain.GraphStructure} with the one structural check of a graph (shared by the DSL
 * import and the run start, one {@link io.tributary.api.model.Problem} type), the one container rule
 * ({@link io.tributary.engine.impl.domain.Containers}), {@link io.tributary.engine.impl.domain.CheckedGraphs}
 * (one check per graph instance), resolved nodes ({@link io.tributary.engine.impl.domain.NodeSpec}), the
 * {@link io.tributary.engine.impl.domain.RunPlan} holding the leases, and per-execution records.
 */
package io.tributary.engine.impl.domain;
