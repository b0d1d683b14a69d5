package io.tributary.api.store.dto;

import java.time.Instant;

/**
 * A published version of an app: immutable once written. Runs of the service API use the latest one.
 *
 * @param appId      the app
 * @param version    1 for the first publication, then 2, 3, ...
 * @param workflowId the id of this version ({@code workflow_id} on the wire), a UUID
 * @param dsl        the DSL YAML that was the draft when it was published
 * @param createdAt  when it was published
 */
public record AppVersion(String appId, int version, String workflowId, String dsl, Instant createdAt) {
}
