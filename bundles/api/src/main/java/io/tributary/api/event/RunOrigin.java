package io.tributary.api.event;

/**
 * Who a run belongs to: what the run record stores as its owner and creator. The caller that starts a run names it
 * in {@link io.tributary.api.engine.RunRequest#origin()}; the engine carries it on {@link RunStarted} and
 * {@link RunRejected}, so the layer that records runs (the store's) writes the whole record from the events alone.
 *
 * @param appId the workflow app's id, or the dataset's id for a knowledge-pipeline run (the record's {@code app_id});
 *              {@code null} for a run nobody owns (a test, a nested run)
 * @param user  the end user that started it (Dify's {@code user}, the record's {@code created_by}); may be {@code null}
 */
public record RunOrigin(String appId, String user) {
    /** A run without an owner. */
    public static final RunOrigin NONE = new RunOrigin(null, null);
}
