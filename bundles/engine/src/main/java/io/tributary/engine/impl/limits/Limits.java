package io.tributary.engine.impl.limits;

import java.time.Duration;
import java.util.Locale;

import io.tributary.api.engine.RunLimits;

/**
 * The limits one run works under: the engine's configuration with the request's overrides applied.
 *
 * @param maxSteps         node executions allowed
 * @param maxRunTime       wall time of the whole run
 * @param nodeTimeout      wall time of one node attempt
 * @param maxParallelNodes nodes of one scope executing at once
 * @param maxVariableSize  largest value a variable write (assigner, conversation variable) may store, bytes of
 *                         JSON text; node outputs are not limited
 * @param maxCallDepth     deepest nesting of runs
 * @param stopGrace        how long a stopped or timed-out node may take to end before it is abandoned
 */
public record Limits(int maxSteps, Duration maxRunTime, Duration nodeTimeout, int maxParallelNodes,
                     long maxVariableSize, int maxCallDepth, Duration stopGrace) {

    /** These limits with a request's overrides. */
    public Limits with(RunLimits o) {
        if (o == null || o.equals(RunLimits.NONE)) {
            return this;
        }
        return new Limits(o.maxSteps() != null ? o.maxSteps() : maxSteps,
                o.maxRunTime() != null ? o.maxRunTime() : maxRunTime,
                o.nodeTimeout() != null ? o.nodeTimeout() : nodeTimeout,
                o.maxParallelNodes() != null ? Math.max(1, o.maxParallelNodes()) : maxParallelNodes,
                o.maxVariableSize() != null ? o.maxVariableSize() : maxVariableSize, maxCallDepth, stopGrace);
    }

    public static String stepsExceeded(int steps, int max) {
        return "Maximum execution steps exceeded: " + steps + " > " + max;
    }

    public static String timeExceeded(long elapsedNanos, Duration max) {
        return String.format(Locale.ROOT, "Maximum execution time exceeded: %.2fs > %ss", elapsedNanos / 1e9,
                seconds(max));
    }

    public static String nodeTimedOut(String nodeId, Duration timeout) {
        return "Node '" + nodeId + "' timed out after " + seconds(timeout) + "s (per-node timeout)";
    }

    /** Dify's message for a variable over {@code MAX_VARIABLE_SIZE} ({@code variable_factory}). */
    public static String variableTooLarge(long size, long max) {
        return "variable size " + size + " exceeds limit " + max;
    }

    public static String callDepthExceeded(int depth, int max) {
        return "Maximum workflow call depth exceeded: " + depth + " > " + max;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
