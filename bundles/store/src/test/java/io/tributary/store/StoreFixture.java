package io.tributary.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.tributary.store.db.Database;

/** One migrated database per test class and backend, emptied before each test. */
public final class StoreFixture implements AutoCloseable {
    private final Backend.Location location;
    private final Database database;

    public StoreFixture(Backend backend) {
        this.location = backend.newLocation();
        Database db;
        try {
            db = new Database(location.settings());
        } catch (RuntimeException e) {
            location.close();
            throw e;
        }
        this.database = db;
    }

    public Database database() {
        return database;
    }

    /** Deletes every row the stores wrote. */
    public void clear() {
        update("DELETE FROM api_keys", "DELETE FROM plugin_records", "DELETE FROM node_executions",
                "DELETE FROM workflow_runs", "DELETE FROM app_versions", "DELETE FROM apps", "DELETE FROM upload_files");
        update("DELETE FROM child_chunks", "DELETE FROM segments", "DELETE FROM pipeline_items",
                "DELETE FROM documents", "DELETE FROM dataset_versions", "DELETE FROM datasets");
    }

    public void update(String... statements) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            location.close();
        }
    }
}
