package io.tributary.api.engine;

/** A file offered as a plugin is not an installable bundle. The message says why. */
public class InvalidBundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
