package io.tributary.store.plugins;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.dto.PluginRecord;
import io.tributary.api.store.PluginRecordStore;
import io.tributary.api.store.StoreException;
import io.tributary.store.db.Database;

/** Installed plugin bundles in table {@code plugin_records}, keyed by symbolic name and version. */
@Component(service = PluginRecordStore.class)
public final class JdbcPluginRecordStore implements PluginRecordStore {
    private static final List<String> KEY = List.of("symbolic_name", "version");
    private static final List<String> COLUMNS =
            List.of("symbolic_name", "version", "sha256", "location", "source", "installed_at");

    private final DataSource db;
    private final String upsert;

    @Activate
    public JdbcPluginRecordStore(@Reference Database database) {
        this.db = database.dataSource();
        this.upsert = database.dialect().upsert("plugin_records", KEY, COLUMNS);
    }

    @Override
    public void put(PluginRecord r) {
        Objects.requireNonNull(r, "record");
        for (Object field : new Object[] {r.symbolicName(), r.version(), r.sha256(), r.location(), r.source(),
                r.installedAt()}) {
            if (field == null) {
                throw new IllegalArgumentException("every field of a plugin record is required: " + r);
            }
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, r.symbolicName());
            ps.setString(2, r.version());
            ps.setString(3, r.sha256());
            ps.setString(4, r.location());
            ps.setString(5, r.source());
            ps.setObject(6, r.installedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not record plugin " + r.symbolicName() + " " + r.version() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String symbolicName, String version) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM plugin_records WHERE symbolic_name = ? AND version = ?")) {
            ps.setString(1, symbolicName);
            ps.setString(2, version);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Could not remove plugin record " + symbolicName + " " + version + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<PluginRecord> list() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + String.join(", ", COLUMNS)
                        + " FROM plugin_records ORDER BY installed_at, symbolic_name, version");
             ResultSet rs = ps.executeQuery()) {
            List<PluginRecord> records = new ArrayList<>();
            while (rs.next()) {
                records.add(new PluginRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()));
            }
            return records;
        } catch (SQLException e) {
            throw new StoreException("Could not list plugin records: " + e.getMessage(), e);
        }
    }
}
