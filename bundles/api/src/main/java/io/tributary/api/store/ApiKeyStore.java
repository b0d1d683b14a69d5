package io.tributary.api.store;

import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues, verifies and revokes API keys. Keys are random (at least 192 bits), shown once, and stored as
 * SHA-256 hashes; verification does not depend on the database's string comparison timing.
 */
@ProviderType
public interface ApiKeyStore {

    /** Issues a new key of that kind for that scope (the app id for app keys, {@code null} otherwise). */
    IssuedKey issue(KeyKind kind, String scopeId);

    /** The active key with this secret, or empty (unknown, revoked, or malformed). */
    Optional<ApiKey> verify(String secret);

    /** Revokes a key at once; false if there is no such active key. */
    boolean revoke(String keyId);

    /** Keys of that kind and scope ({@code scopeId} may be {@code null}), newest first, revoked included. */
    List<ApiKey> list(KeyKind kind, String scopeId);
}
