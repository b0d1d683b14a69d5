/**
 * Graph traversal (graphon's {@code graph_traversal}: EdgeProcessor, SkipPropagator): edge states
 * unknown/taken/skipped, readiness, branch handles, skip propagation and multi-root selection.
 */
package io.tributary.engine.impl.traversal;
