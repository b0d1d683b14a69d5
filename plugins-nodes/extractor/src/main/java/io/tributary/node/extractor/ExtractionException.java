package io.tributary.node.extractor;

/** Why one file could not be read or turned into text; the message is shown to users after the file name. */
final class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    ExtractionException(String message) {
        super(message);
    }

    ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
