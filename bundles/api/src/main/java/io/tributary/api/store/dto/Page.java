package io.tributary.api.store.dto;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param data  the items on this page
 * @param total items matching the query on all pages
 * @param page  the page number, from 1
 * @param limit the page size
 * @param <T>   the item type
 */
public record Page<T>(List<T> data, long total, int page, int limit) {
    public Page {
        data = List.copyOf(data);
    }

    /** Whether a later page has items. */
    public boolean hasMore() {
        return (long) page * limit < total;
    }
}
