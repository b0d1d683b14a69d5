/**
 * Execution limits (graphon's ExecutionLimitsLayer, enforced here by the engine itself): steps, run time (a
 * timer, so it also ends a long-running node), per-node timeout, parallel nodes, variable size and call depth,
 * with the messages that name them.
 */
package io.tributary.engine.impl.limits;
