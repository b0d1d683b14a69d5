/**
 * Node workers (graphon's {@code worker_management}): each node attempt runs on its own virtual thread, with
 * a per-node timeout, interruption on stop, and exactly-once completion whatever the plugin does; plus the
 * node-scoped logger.
 */
package io.tributary.engine.impl.workers;
