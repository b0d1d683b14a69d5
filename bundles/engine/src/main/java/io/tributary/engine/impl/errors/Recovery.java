package io.tributary.engine.impl.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.model.GraphEdge;
import io.tributary.api.node.NodeResult;

/**
 * Decides what a failed attempt leads to (graphon's ErrorHandler): another attempt, a handled exception
 * (a {@link NodeResult} routed on) or an unhandled failure.
 */
public final class Recovery {
    private Recovery() {
    }

    /** What to do after a failed attempt. */
    public sealed interface Decision {
    }

    /** Try again after {@code delayMillis}; {@code retryIndex} is 1 for the first retry. */
    public record Retry(int retryIndex, long delayMillis) implements Decision {
    }

    /** Handled: continue with this result; the node's status is {@code exception}. */
    public record Handled(NodeResult result) implements Decision {
    }

    /** Not handled: the node fails and so does the run. */
    public record Unhandled() implements Decision {
    }

    /**
     * @param policy       the node's policy
     * @param retriesSoFar retries already made for this execution
     * @param failure      what went wrong
     * @param inputs       the inputs of the failed attempt, kept in the handled result
     */
    public static Decision decide(ErrorPolicy policy, int retriesSoFar, Failure failure, Map<String, Object> inputs) {
        if (retriesSoFar < policy.maxRetries()) {
            return new Retry(retriesSoFar + 1, policy.retryIntervalMillis());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> meta = Map.of("error_strategy", policy.strategy().wireName() == null ? ""
                : policy.strategy().wireName());
        switch (policy.strategy()) {
            case FAIL_BRANCH -> {
                out.put("error_message", failure.message());
                out.put("error_type", failure.errorType());
                return new Handled(new NodeResult(inputs, null, out, meta, ErrorStrategy.FAIL_BRANCH_HANDLE));
            }
            case DEFAULT_VALUE -> {
                out.putAll(policy.defaults());
                out.put("error_message", failure.message());
                out.put("error_type", failure.errorType());
                return new Handled(new NodeResult(inputs, null, out, meta, GraphEdge.DEFAULT_HANDLE));
            }
            default -> {
                return new Unhandled();
            }
        }
    }
}
