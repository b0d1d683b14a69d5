package io.tributary.store.datasets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Dify's display statuses of the document list and the condition on {@code indexing_status} / {@code enabled}
 * each one means. {@code paused} and {@code archived} exist in Dify; pipeline documents never reach them, so they
 * filter to what the columns say (nothing is ever archived here).
 */
enum DisplayStatus {
    QUEUING("indexing_status = 'waiting'"),
    INDEXING("indexing_status IN ('parsing', 'cleaning', 'splitting', 'indexing')"),
    PAUSED("indexing_status = 'paused'"),
    ERROR("indexing_status = 'error'"),
    AVAILABLE("indexing_status = 'completed' AND enabled = TRUE"),
    DISABLED("indexing_status = 'completed' AND enabled = FALSE"),
    ARCHIVED("1 = 0");

    private final String condition;

    DisplayStatus(String condition) {
        this.condition = condition;
    }

    /** The SQL condition (constant text, no parameters). */
    String condition() {
        return condition;
    }

    /** The status of that wire name; an {@link IllegalArgumentException} naming the valid ones otherwise. */
    static DisplayStatus of(String wireName) {
        for (DisplayStatus s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(wireName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown document status '" + wireName + "'; expected one of "
                + wireNames());
    }

    static String wireNames() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
