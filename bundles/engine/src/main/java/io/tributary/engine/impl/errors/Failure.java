package io.tributary.engine.impl.errors;

import io.tributary.api.node.NodeExecutionException;

/**
 * Why a node attempt failed.
 *
 * @param message   the message shown to clients ({@code error})
 * @param errorType short type ({@code error_type})
 */
public record Failure(String message, String errorType) {

    /** An expected failure reported by the node. */
    public static Failure of(NodeExecutionException e) {
        return new Failure(e.getMessage() == null ? e.errorType() : e.getMessage(), e.errorType());
    }

    /** A plugin bug: any other throwable. */
    public static Failure ofBug(Throwable t) {
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName() : t.getMessage();
        return new Failure(msg, t.getClass().getSimpleName());
    }
}
