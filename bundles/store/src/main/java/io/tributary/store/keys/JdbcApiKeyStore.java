package io.tributary.store.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;
import io.tributary.api.store.StoreException;
import io.tributary.store.db.Database;

/**
 * API keys in table {@code api_keys}. Only the SHA-256 of a secret is stored; a presented secret is hashed and
 * looked up by hash, so the database never compares secrets and timing reveals nothing about them.
 */
@Component(service = ApiKeyStore.class)
public final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "id, kind, scope_id, hint, created_at, revoked_at";
    private static final int MAX_SCOPE_LENGTH = 255;

    /** How long a verified key is trusted without asking the database (revocation by another process). */
    private static final long VERIFIED_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_VERIFIED = 10_000;

    private final DataSource db;
    private final KeySecrets secrets = new KeySecrets();
    /**
     * Active keys recently verified, by secret hash: every API request verifies its key, and the lookup was a
     * measurable share of a run's cost. {@link #revoke} drops a key at once; a key revoked by another process that
     * shares the database stops working within {@link #VERIFIED_TTL_NANOS}.
     */
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(ApiKey key, long atNanos) {
    }

    @Activate
    public JdbcApiKeyStore(@Reference Database database) {
        this.db = database.dataSource();
    }

    @Override
    public IssuedKey issue(KeyKind kind, String scopeId) {
        checkScope(kind, scopeId);
        String secret = secrets.newSecret(kind);
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), kind, scopeId, KeySecrets.hint(kind, secret),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO api_keys (id, kind, scope_id, key_hash, hint, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key.id());
            ps.setString(2, kind.name());
            ps.setString(3, scopeId);
            ps.setString(4, KeySecrets.hash(secret));
            ps.setString(5, key.hint());
            ps.setObject(6, utc(key.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not store a new " + kind + " key: " + e.getMessage(), e);
        }
        return new IssuedKey(key, secret);
    }

    private static void checkScope(KeyKind kind, String scopeId) {
        Objects.requireNonNull(kind, "kind");
        if (kind == KeyKind.APP && (scopeId == null || scopeId.isBlank())) {
            throw new IllegalArgumentException("an app key needs the app id as scope");
        }
        if (kind != KeyKind.APP && scopeId != null) {
            throw new IllegalArgumentException(kind + " keys have no scope, got '" + scopeId + "'");
        }
        if (scopeId != null && scopeId.length() > MAX_SCOPE_LENGTH) {
            throw new IllegalArgumentException("scope id longer than " + MAX_SCOPE_LENGTH + " characters");
        }
    }

    @Override
    public Optional<ApiKey> verify(String secret) {
        Optional<KeyKind> claimed = KeySecrets.kindOf(secret);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        String hash = KeySecrets.hash(secret);
        Verified hit = verified.get(hash);
        if (hit != null && System.nanoTime() - hit.atNanos() < VERIFIED_TTL_NANOS) {
            return Optional.of(hit.key());
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    verified.remove(hash);
                    return Optional.empty();
                }
                ApiKey key = read(rs);
                if (key.active() && key.kind() == claimed.get()) {
                    if (verified.size() >= MAX_VERIFIED) {
                        verified.clear();
                    }
                    verified.put(hash, new Verified(key, System.nanoTime()));
                    return Optional.of(key);
                }
                verified.remove(hash);
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not verify an API key: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean revoke(String keyId) {
        if (keyId == null) {
            return false;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, utc(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            ps.setString(2, keyId);
            boolean revoked = ps.executeUpdate() == 1;
            verified.values().removeIf(v -> v.key().id().equals(keyId)); // revoked at once in this process
            return revoked;
        } catch (SQLException e) {
            throw new StoreException("Could not revoke API key " + keyId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ApiKey> list(KeyKind kind, String scopeId) {
        Objects.requireNonNull(kind, "kind");
        String sql = "SELECT " + COLUMNS + " FROM api_keys WHERE kind = ? AND "
                + (scopeId == null ? "scope_id IS NULL" : "scope_id = ?") + " ORDER BY created_at DESC, id DESC";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind.name());
            if (scopeId != null) {
                ps.setString(2, scopeId);
            }
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(read(rs));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StoreException("Could not list " + kind + " keys: " + e.getMessage(), e);
        }
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(rs.getString("id"), KeyKind.valueOf(rs.getString("kind")), rs.getString("scope_id"),
                rs.getString("hint"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
