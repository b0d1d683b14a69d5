package io.tributary.store.apps;

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
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.dto.App;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.api.store.StoreException;
import io.tributary.store.db.Database;
import io.tributary.store.db.ShortCache;

/**
 * Apps and published versions. Publishing runs in one transaction: the next version number is computed and
 * inserted there, and the unique (app, version) constraint turns a concurrent publication into a retry.
 */
@Component(service = AppStore.class)
public final class JdbcAppStore implements AppStore {
    private static final String APP_COLUMNS =
            "id, name, mode, description, draft_dsl, published_version, created_at, updated_at";
    private static final String VERSION_COLUMNS = "app_id, version, workflow_id, dsl, created_at";
    private static final int PUBLISH_ATTEMPTS = 5;

    private final DataSource db;

    /** Apps and their latest versions are read on every run request; cached briefly (see {@link ShortCache}). */
    private final ShortCache<App> appCache = new ShortCache<>(5, TimeUnit.SECONDS);
    private final ShortCache<AppVersion> latestCache = new ShortCache<>(5, TimeUnit.SECONDS);

    @Activate
    public JdbcAppStore(@Reference Database database) {
        this.db = database.dataSource();
    }

    @Override
    public App create(String name, String mode, String description, String dsl) {
        Objects.requireNonNull(dsl, "dsl");
        Instant now = now();
        App app = new App(UUID.randomUUID().toString(), name == null || name.isBlank() ? "Untitled" : name,
                mode == null ? "workflow" : mode, description, dsl, null, now, now);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO apps (" + APP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, ?, ?)")) {
            ps.setString(1, app.id());
            ps.setString(2, truncate(app.name(), 255));
            ps.setString(3, truncate(app.mode(), 32));
            ps.setString(4, app.description());
            ps.setString(5, dsl);
            ps.setObject(6, utc(now));
            ps.setObject(7, utc(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not create app '" + name + "': " + e.getMessage(), e);
        }
        return new App(app.id(), truncate(app.name(), 255), truncate(app.mode(), 32), app.description(), dsl, null,
                now, now);
    }

    @Override
    public Optional<App> app(String appId) {
        if (appId == null) {
            return Optional.empty();
        }
        return appCache.get(appId, id -> apps("SELECT " + APP_COLUMNS + " FROM apps WHERE id = ?", id).stream()
                .findFirst());
    }

    @Override
    public List<App> list() {
        return apps("SELECT " + APP_COLUMNS + " FROM apps ORDER BY created_at DESC, id DESC", null);
    }

    private List<App> apps(String sql, String param) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<App> apps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt("published_version");
                    Integer published = rs.wasNull() ? null : v;
                    apps.add(new App(rs.getString("id"), rs.getString("name"), rs.getString("mode"),
                            rs.getString("description"), rs.getString("draft_dsl"), published,
                            instant(rs, "created_at"), instant(rs, "updated_at")));
                }
            }
            return apps;
        } catch (SQLException e) {
            throw new StoreException("Could not read apps: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<AppVersion> publish(String appId) {
        try {
            return publishNow(appId);
        } finally {
            appCache.invalidate(appId);
            latestCache.invalidate(appId);
        }
    }

    private Optional<AppVersion> publishNow(String appId) {
        SQLException last = null;
        for (int attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Optional<AppVersion> v = publishIn(c, appId);
                    c.commit();
                    return v;
                } catch (SQLException e) {
                    c.rollback();
                    last = e;
                }
            } catch (SQLException e) {
                last = e;
            }
        }
        throw new StoreException("Could not publish app " + appId + ": " + last.getMessage(), last);
    }

    private static Optional<AppVersion> publishIn(Connection c, String appId) throws SQLException {
        String dsl;
        int next;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT draft_dsl, COALESCE(published_version, 0) + 1 FROM apps WHERE id = ?")) {
            ps.setString(1, appId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                dsl = rs.getString(1);
                next = rs.getInt(2);
            }
        }
        Instant now = now();
        AppVersion v = new AppVersion(appId, next, UUID.randomUUID().toString(), dsl, now);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_versions (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, appId);
            ps.setInt(2, next);
            ps.setString(3, v.workflowId());
            ps.setString(4, dsl);
            ps.setObject(5, utc(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE apps SET published_version = ?, updated_at = ? WHERE id = ? AND COALESCE(published_version, 0) = ?")) {
            ps.setInt(1, next);
            ps.setObject(2, utc(now));
            ps.setString(3, appId);
            ps.setInt(4, next - 1);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("published concurrently");
            }
        }
        return Optional.of(v);
    }

    @Override
    public Optional<AppVersion> latest(String appId) {
        if (appId == null) {
            return Optional.empty();
        }
        return latestCache.get(appId, id -> version("SELECT v." + VERSION_COLUMNS.replace(", ", ", v.")
                + " FROM app_versions v JOIN apps a ON a.id = v.app_id AND a.published_version = v.version"
                + " WHERE a.id = ?", id));
    }

    @Override
    public Optional<AppVersion> version(String workflowId) {
        return version("SELECT " + VERSION_COLUMNS + " FROM app_versions WHERE workflow_id = ?", workflowId);
    }

    private Optional<AppVersion> version(String sql, String param) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AppVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read app version " + param + ": " + e.getMessage(), e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
