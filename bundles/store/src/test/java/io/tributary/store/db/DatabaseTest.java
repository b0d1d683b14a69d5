package io.tributary.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import io.tributary.api.store.IssuedKey;
import io.tributary.api.store.KeyKind;
import io.tributary.api.store.StoreException;
import io.tributary.store.Backend;
import io.tributary.store.BothDatabases;
import io.tributary.store.keys.JdbcApiKeyStore;

@BothDatabases
class DatabaseTest {
    @Parameter
    Backend backend;

    @Test
    void migratesOnceAndKeepsDataAcrossRestarts() throws Exception {
        try (Backend.Location location = backend.newLocation()) {
            IssuedKey issued;
            try (Database first = new Database(location.settings())) {
                issued = new JdbcApiKeyStore(first).issue(KeyKind.ADMIN, null);
                assertEquals(2, appliedMigrations(first), "V1 and V2");
            }
            try (Database second = new Database(location.settings())) {
                assertEquals(2, appliedMigrations(second));
                assertEquals(Optional.of(issued.key()), new JdbcApiKeyStore(second).verify(issued.secret()));
            }
        }
    }

    private static int appliedMigrations(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void unreachableDatabaseGivesAClearError(@TempDir Path tmp) throws Exception {
        String url = switch (backend) {
            case H2 -> "jdbc:h2:file:" + tmp.resolve("missing") + ";IFEXISTS=TRUE;PASSWORD=hunter2";
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=hunter2";
        };

        StoreException e = assertThrows(StoreException.class,
                () -> new Database(new DatabaseSettings(url, "someone", "", 2)));

        assertTrue(e.getMessage().startsWith("Cannot connect to jdbc:"), e.getMessage());
        assertTrue(e.getMessage().contains("as 'someone'"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains(backend == Backend.H2 ? "not found" : "127.0.0.1:1"), e.getMessage());
        System.out.println("Error for a bad URL: " + e.getMessage());
    }
}
