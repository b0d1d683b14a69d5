package io.tributary.store.db;

import java.nio.file.Path;

/**
 * Where and how to connect.
 *
 * @param url      JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...})
 * @param user     user name, may be empty
 * @param password password, may be empty; never logged
 * @param poolSize largest number of pooled connections
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    /** The pool size when none is configured. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseSettings {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool.size must be at least 1, was " + poolSize);
        }
    }

    /** The embedded default: an H2 file database in {@code <dataDir>/db/tributary}. */
    public static DatabaseSettings embedded(Path dataDir, int poolSize) {
        Path file = dataDir.resolve("db").resolve("tributary").toAbsolutePath().normalize();
        // The store closes the database itself (pool close on deactivate); H2's own shutdown hook would close
        // it under running bundles during JVM exit and pin the bundle's class loader while it is registered.
        return new DatabaseSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", poolSize);
    }

    /** The dialect of {@link #url()}. */
    public Dialect dialect() {
        return Dialect.of(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + JdbcUrls.mask(url) + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
