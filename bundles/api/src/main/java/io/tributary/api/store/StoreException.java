package io.tributary.api.store;

/** The database failed (unreachable, constraint, I/O). Not the caller's fault. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
