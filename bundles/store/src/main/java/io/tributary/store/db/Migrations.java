package io.tributary.store.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import io.tributary.api.store.StoreException;

/** Brings the schema up to date with the Flyway scripts in {@code db/migration} of this bundle. */
final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * Migrates and returns the schema version now in place.
     *
     * @param loader the store bundle's class loader: Flyway finds its database plugins (ServiceLoader) and the
     *               SQL scripts through it, never through the caller's context
     */
    static String migrate(DataSource dataSource, ClassLoader loader) {
        Flyway flyway = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .loggers("slf4j")
                .load();
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        if (version == null) {
            // A scanner that cannot list the bundle's entries finds nothing and reports success.
            throw new StoreException("No database migrations found at " + LOCATION + " (class loader " + loader + ")",
                    null);
        }
        return version + (result.migrationsExecuted > 0
                ? " (" + result.migrationsExecuted + " migration(s) applied)" : "");
    }
}
