package io.tributary.api.store;

import java.io.IOException;

/** An upload was larger than the limit it was saved with ({@code file_too_large}, 413). */
public class FileTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public FileTooLargeException(long limit) {
        super("File size exceeded. The limit is " + limit + " bytes.");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
