package io.tributary.store.db;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.type.TypeFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.tributary.api.store.StoreException;

/**
 * Owns the database: a HikariCP pool over the configured JDBC URL, migrated by Flyway before anyone uses it.
 * Registered as a service private to this bundle (the class is not exported); the stores reference it.
 */
@Component(service = Database.class, configurationPid = Database.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Database.Config.class)
public final class Database implements AutoCloseable {
    /** The configuration PID; part of the public contract. */
    public static final String PID = "io.tributary.store";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    @ObjectClassDefinition(name = "Tributary store", description = "The database of metadata, keys and runs")
    public @interface Config {
        @AttributeDefinition(name = "JDBC URL", required = false,
                description = "Empty: embedded H2 in <data.dir>/db/tributary. PostgreSQL: jdbc:postgresql://host:5432/db")
        String url() default "";

        @AttributeDefinition(name = "User", required = false)
        String user() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        /** Private (leading dot): DS does not copy it onto service properties. */
        String _password() default "";

        @AttributeDefinition(name = "Data directory", required = false,
                description = "Base of the embedded database; empty: the framework property tributary.data.dir, "
                        + "else the bundle's data area")
        String data_dir() default "";

        @AttributeDefinition(name = "Pool size", description = "Largest number of open connections")
        int pool_size() default DatabaseSettings.DEFAULT_POOL_SIZE;
    }

    private final Dialect dialect;
    private final HikariDataSource pool;

    @Activate
    public Database(BundleContext ctx, Config config) {
        this(settings(config, ctx));
    }

    /** Connects and migrates; a {@link StoreException} with the reason if either fails. */
    public Database(DatabaseSettings settings) {
        this.dialect = settings.dialect();
        this.pool = onStartupThread(() -> open(settings));
    }

    /**
     * Runs the start-up on a short-lived thread whose context class loader is this bundle's: Flyway, Hikari and
     * the drivers look things up through the context class loader in places, and whatever they leave in
     * thread-locals (Jackson buffer recyclers inside Flyway, for one) dies with that thread instead of pinning
     * this bundle's class loader through a framework thread after an update.
     */
    private static HikariDataSource onStartupThread(Callable<HikariDataSource> work) {
        FutureTask<HikariDataSource> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "tributary-store-open");
        thread.setContextClassLoader(Database.class.getClassLoader());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while opening the database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new StoreException("Could not open the database: " + e.getCause(), e.getCause());
        }
    }

    private HikariDataSource open(DatabaseSettings settings) {
        ClassLoader own = Database.class.getClassLoader();
        HikariDataSource opened = openPool(settings, own);
        try {
            String version = Migrations.migrate(opened, own);
            LOG.info("Store connected to {} at {} as '{}', schema version {}", product(opened),
                    JdbcUrls.mask(settings.url()), settings.user(), version);
            return opened;
        } catch (FlywayException e) {
            opened.close();
            throw new StoreException("Database migration failed on " + JdbcUrls.mask(settings.url()) + ": "
                    + JdbcUrls.mask(e.getMessage()), e);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    static DatabaseSettings settings(Config config, BundleContext ctx) {
        if (!config.url().isBlank()) {
            return new DatabaseSettings(config.url().trim(), config.user(), config._password(), config.pool_size());
        }
        return DatabaseSettings.embedded(dataDir(config.data_dir(), ctx), config.pool_size());
    }

    /**
     * The data directory: {@code configured} (a PID's {@code data.dir}) when set, else the framework property
     * {@code tributary.data.dir}, else this bundle's data area.
     */
    public static Path dataDir(String configured, BundleContext ctx) {
        String dir = configured;
        if (dir == null || dir.isBlank()) {
            dir = ctx.getProperty("tributary.data.dir");
        }
        if (dir == null || dir.isBlank()) {
            File area = ctx.getDataFile("");
            if (area == null) {
                throw new StoreException("No data.dir configured and the framework has no bundle data area", null);
            }
            dir = area.getPath();
        }
        return Path.of(dir);
    }

    private HikariDataSource openPool(DatabaseSettings settings, ClassLoader loader) {
        Driver driver;
        try {
            driver = (Driver) Class.forName(dialect.driverClass(), true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StoreException("JDBC driver " + dialect.driverClass() + " is not available in the store bundle", e);
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("tributary-store");
        hc.setDataSource(new DriverDataSource(driver, settings.url(), settings.user(), settings.password()));
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to " + JdbcUrls.mask(settings.url()) + " as '" + settings.user()
                    + "': " + JdbcUrls.mask(rootMessage(e)), e);
        }
    }

    private static String product(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new StoreException("Cannot read database metadata: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return pool;
    }

    /** Which database this is, for the few statements that differ. */
    public Dialect dialect() {
        return dialect;
    }

    @Deactivate
    @Override
    public void close() {
        pool.close();
        deregisterOwnDrivers();
        forgetOwnTypes();
    }

    /**
     * Jackson is the distribution's shared bundle, and every {@code ObjectMapper} built without a type factory of
     * its own (Flyway's, ours in {@code JsonColumns}) caches the types it resolved in the one static
     * {@link TypeFactory#defaultInstance()}. Flyway resolves its own classes there (its plugins are copied through
     * an {@code ObjectMapper}), which would keep this bundle's class loader alive after an update or uninstall; so
     * the cache is dropped (it refills on demand). Outside OSGi nothing is replaced and the cache is left alone.
     */
    private static void forgetOwnTypes() {
        if (Database.class.getClassLoader() instanceof BundleReference) {
            TypeFactory.defaultInstance().clearCache();
        }
    }

    /**
     * Drivers register themselves with {@link DriverManager} when their class loads. Inside OSGi that entry
     * would keep this bundle's class loader alive after an update or uninstall, so it is removed again.
     * Listing the drivers can itself load (and so register) more of ours: {@code DriverManager} checks each
     * registered driver's class name against the caller's loader. Hence the loop until none of ours is left.
     * (Outside OSGi the class path is shared and the registrations are left alone.)
     */
    private static void deregisterOwnDrivers() {
        ClassLoader own = Database.class.getClassLoader();
        if (!(own instanceof BundleReference)) {
            return;
        }
        boolean found = true;
        while (found) {
            found = false;
            for (Driver d : Collections.list(DriverManager.getDrivers())) {
                if (d.getClass().getClassLoader() == own) {
                    found = true;
                    try {
                        DriverManager.deregisterDriver(d);
                    } catch (SQLException e) {
                        LOG.warn("Could not deregister JDBC driver {}: {}", d.getClass().getName(), e.getMessage());
                        return;
                    }
                }
            }
        }
    }
}
