package io.tributary.api.engine;

import java.time.Duration;

/**
 * Per-run overrides of the engine's configured limits; a {@code null} component keeps the configured value.
 * Meant for trusted callers (tests, admin runs, a Datalab step with its own budget).
 *
 * @param maxSteps         node executions allowed (configured default 500)
 * @param maxRunTime       wall time allowed for the whole run (default 1200 s), enforced by a timer
 * @param nodeTimeout      wall time allowed for one node attempt (default 600 s)
 * @param maxParallelNodes nodes of one run executing at the same time (default 10)
 * @param maxVariableSize  largest value a variable write (assigner, conversation variable) may store, in bytes of
 *                         its JSON text (default 204800, Dify's MAX_VARIABLE_SIZE); node outputs are not limited
 */
public record RunLimits(Integer maxSteps, Duration maxRunTime, Duration nodeTimeout, Integer maxParallelNodes,
                        Integer maxVariableSize) {
    /** No override. */
    public static final RunLimits NONE = new RunLimits(null, null, null, null, null);
}
