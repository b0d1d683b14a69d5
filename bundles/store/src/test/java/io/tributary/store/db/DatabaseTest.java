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

import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;
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
                assertEquals(migrationScripts(), appliedMigrations(first), "every V*.sql script");
            }
            try (Database second = new Database(location.settings())) {
                assertEquals(migrationScripts(), appliedMigrations(second));
                assertEquals(Optional.of(issued.key()), new JdbcApiKeyStore(second).verify(issued.secret()));
            }
        }
    }

    /** The scripts in db/migration (a directory of the test class path: target/classes). */
    private static int migrationScripts() throws Exception {
        Path dir = Path.of(DatabaseTest.class.getClassLoader().getResource("db/migration").toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            int n = (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
            assertTrue(n >= 4, "V1 to V4 and whatever came since: " + n);
            return n;
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
