package io.tributary.api.store.dto;

import java.util.Locale;

/**
 * A document's {@code indexing_status}, as Dify names it on the wire and as the store keeps it. A document is
 * created {@link #WAITING}, moves through {@link #PARSING}, {@link #CLEANING}, {@link #SPLITTING} and
 * {@link #INDEXING} while a pipeline worker runs it, and ends {@link #COMPLETED} or {@link #ERROR};
 * {@link #PAUSED} is set by an admin. {@link #wireName()} is the value in the database and on the wire.
 */
public enum IndexingStatus {
    WAITING, PARSING, CLEANING, SPLITTING, INDEXING, COMPLETED, ERROR, PAUSED;

    /** {@code waiting}, {@code parsing}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True while a worker holds the document ({@code parsing} .. {@code indexing}). */
    public boolean inProgress() {
        return this == PARSING || this == CLEANING || this == SPLITTING || this == INDEXING;
    }

    /** True for {@code completed} and {@code error}: the document will not change by itself. */
    public boolean terminal() {
        return this == COMPLETED || this == ERROR;
    }

    /**
     * The status of a wire name.
     *
     * @throws IllegalArgumentException for a name that is not one
     */
    public static IndexingStatus of(String wireName) {
        for (IndexingStatus s : values()) {
            if (s.wireName().equals(wireName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown indexing status: " + wireName);
    }
}
