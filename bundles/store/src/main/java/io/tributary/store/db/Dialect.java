package io.tributary.store.db;

import java.util.List;
import java.util.stream.Collectors;

import io.tributary.api.store.StoreException;

/**
 * The databases the store speaks, chosen by the JDBC URL. Migrations and queries are written in SQL both
 * understand; the few statements that differ (upserts) are built here.
 */
public enum Dialect {
    H2("jdbc:h2:", "org.h2.Driver"),
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver");

    private final String urlPrefix;
    private final String driverClass;

    Dialect(String urlPrefix, String driverClass) {
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
    }

    /** The dialect of that URL; a {@link StoreException} naming the supported ones otherwise. */
    public static Dialect of(String url) {
        for (Dialect d : values()) {
            if (url != null && url.startsWith(d.urlPrefix)) {
                return d;
            }
        }
        throw new StoreException("Unsupported JDBC URL '" + JdbcUrls.mask(url)
                + "': the store speaks H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://host:port/database)", null);
    }

    /** The JDBC driver, loaded by name from the store bundle's own class loader. */
    String driverClass() {
        return driverClass;
    }

    /**
     * An insert that replaces the row when one with the same key exists. Parameters are the columns in order.
     *
     * @param table   table name
     * @param keys    the primary key columns (a prefix of {@code columns})
     * @param columns every column written
     */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String cols = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                    + params + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO UPDATE SET " + columns.stream().filter(c -> !keys.contains(c))
                            .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        };
    }
}
