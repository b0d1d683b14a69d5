package io.tributary.store.datasets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.tributary.api.store.dto.IndexingStatus;

/**
 * Dify's display statuses of the document list and the condition on {@code indexing_status} / {@code enabled}
 * each one means. {@code paused} and {@code archived} exist in Dify; pipeline documents never reach them, so they
 * filter to what the columns say (nothing is ever archived here).
 */
enum DisplayStatus {
    QUEUING(is(IndexingStatus.WAITING)),
    INDEXING("indexing_status IN (" + Arrays.stream(IndexingStatus.values()).filter(IndexingStatus::inProgress)
            .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", ")) + ")"),
    PAUSED(is(IndexingStatus.PAUSED)),
    ERROR(is(IndexingStatus.ERROR)),
    AVAILABLE(is(IndexingStatus.COMPLETED) + " AND enabled = TRUE"),
    DISABLED(is(IndexingStatus.COMPLETED) + " AND enabled = FALSE"),
    ARCHIVED("1 = 0");

    private final String condition;

    DisplayStatus(String condition) {
        this.condition = condition;
    }

    private static String is(IndexingStatus s) {
        return "indexing_status = '" + s.wireName() + "'";
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
