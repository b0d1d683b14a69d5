package io.tributary.api.store.dto;

import java.util.List;

/**
 * One page of runs.
 *
 * @param runs    the runs on this page, newest first
 * @param total   runs matching the query on all pages
 * @param hasMore whether a later page has runs
 */
public record RunPage(List<RunRecord> runs, long total, boolean hasMore) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
