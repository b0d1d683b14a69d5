package io.tributary.engine.impl.domain;

import io.tributary.api.model.TimeOrderedIds;

/** Run and node-execution ids: time-ordered (version-7) UUIDs, so their records are appended to indexes in order. */
public final class Ids {
    private Ids() {
    }

    public static String uuid() {
        return TimeOrderedIds.next();
    }
}
