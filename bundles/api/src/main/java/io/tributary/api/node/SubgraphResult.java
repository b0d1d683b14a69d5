package io.tributary.api.node;

import io.tributary.api.event.RunStatus;

/**
 * How one pass of a container's child graph ended.
 *
 * @param status    {@code SUCCEEDED}, {@code PARTIAL_SUCCEEDED} (child failures were handled by their error
 *                  strategies), {@code FAILED} (a child node failed unhandled) or {@code STOPPED}
 * @param error     the failing child's error, or {@code null}
 * @param errorType its error type, or {@code null}
 * @param variables the pass's variables: the child nodes' outputs, the pass's local variables as
 *                  {@code [container_id, name]}, and (read through) everything the container could read
 */
public record SubgraphResult(RunStatus status, String error, String errorType, Variables variables) {

    /** True for {@code SUCCEEDED} and {@code PARTIAL_SUCCEEDED}. */
    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED || status == RunStatus.PARTIAL_SUCCEEDED;
    }
}
