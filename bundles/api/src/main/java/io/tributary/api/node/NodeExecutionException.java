package io.tributary.api.node;

/**
 * An expected failure of a node (bad input, a remote error, a limit): handled by the node's error strategy
 * (retry, then abort / {@code fail-branch} / {@code default-value}). Its message is shown to API clients.
 */
public class NodeExecutionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String errorType;

    public NodeExecutionException(String message) {
        this(message, null, null);
    }

    public NodeExecutionException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param errorType a short type name shown as {@code error_type} (defaults to the class's simple name)
     */
    public NodeExecutionException(String message, String errorType, Throwable cause) {
        super(message, cause);
        this.errorType = errorType == null ? getClass().getSimpleName() : errorType;
    }

    /** The error type shown to clients ({@code error_type}). */
    public String errorType() {
        return errorType;
    }
}
