package io.tributary.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.tributary.store.db.DatabaseSettings;

/**
 * The databases every store test runs against. H2 gets a fresh directory, PostgreSQL a fresh schema
 * ({@code t_<random>}, selected with {@code currentSchema=}); both are removed again by {@link Location#close()}.
 */
public enum Backend {
    H2 {
        @Override
        public Location newLocation() {
            try {
                Path dir = Files.createTempDirectory("tributary-store-test");
                return new Location(DatabaseSettings.embedded(dir, 4), () -> deleteTree(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        public Location newLocation() {
            assumeAvailable();
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            sql("CREATE SCHEMA " + schema);
            String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Location(new DatabaseSettings(url, PG_USER, PG_PASSWORD, 4),
                    () -> sql("DROP SCHEMA " + schema + " CASCADE"));
        }
    };

    /** Override with -Dtributary.test.pg.url=... (and .user, .password) to test against another server. */
    public static final String PG_URL = System.getProperty("tributary.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("tributary.test.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("tributary.test.pg.password", "");

    private static final String UNREACHABLE = "PostgreSQL not reachable at " + PG_URL + " as " + PG_USER
            + ": skipping";
    private static Boolean pgReachable;

    /** A new, empty database for one test class (or one test); aborts the test if there is no server. */
    public abstract Location newLocation();

    /** False for PostgreSQL when no server answers. */
    public boolean available() {
        return this == H2 || pgReachable();
    }

    /** Aborts (skips) the current test, with the reason, if {@link #available()} is false. */
    public void assumeAvailable() {
        if (!available()) {
            Assumptions.abort(UNREACHABLE);
        }
    }

    /** Settings of an empty database, and how to get rid of it. */
    public record Location(DatabaseSettings settings, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    static synchronized boolean pgReachable() {
        if (pgReachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
                pgReachable = c.isValid(3);
            } catch (SQLException e) {
                pgReachable = false;
            }
            if (!pgReachable) {
                System.out.println(UNREACHABLE);
            }
        }
        return pgReachable;
    }

    private static void sql(String statement) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
