package io.tributary.api.store.dto;

import java.time.Instant;

/**
 * A stored API key, without its secret (only a hash is kept).
 *
 * @param id        key id
 * @param kind      what routes it is for
 * @param scopeId   the app id for {@link KeyKind#APP}; {@code null} otherwise
 * @param hint      the first and last characters, for display ({@code app-AbC...xYz})
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or {@code null}
 */
public record ApiKey(String id, KeyKind kind, String scopeId, String hint, Instant createdAt, Instant revokedAt) {
    /** True while not revoked. */
    public boolean active() {
        return revokedAt == null;
    }
}
