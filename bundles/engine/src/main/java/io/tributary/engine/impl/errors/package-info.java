/**
 * Node error handling (graphon's {@code error_handling}): the per-node {@link
 * io.tributary.engine.impl.errors.ErrorPolicy} (strategy, default values, retry), failures, and the decision
 * after a failed attempt: retry (scheduled, never blocking), {@code fail-branch}, {@code default-value}, or an
 * unhandled failure that fails the run.
 */
package io.tributary.engine.impl.errors;
