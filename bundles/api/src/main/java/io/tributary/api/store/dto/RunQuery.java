package io.tributary.api.store.dto;

import java.time.Instant;

import io.tributary.api.event.RunStatus;

/**
 * A page of an app's runs, newest first ({@code GET /v1/workflows/logs}).
 *
 * @param appId         the app (required)
 * @param keyword       matched case-insensitively against the inputs, outputs, error and user; {@code null} → any
 * @param status        only runs with this status; {@code null} → any
 * @param createdBefore only runs created strictly before; {@code null} → no bound
 * @param createdAfter  only runs created strictly after; {@code null} → no bound
 * @param page          1-based page number
 * @param limit         page size, 1 or more
 */
public record RunQuery(String appId, String keyword, RunStatus status, Instant createdBefore, Instant createdAfter,
                       int page, int limit) {
    public RunQuery {
        if (page < 1 || limit < 1) {
            throw new IllegalArgumentException("page and limit start at 1: page=" + page + ", limit=" + limit);
        }
    }
}
