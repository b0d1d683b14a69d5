package io.tributary.dist;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;

/**
 * {@link DatasetApiE2EIT} against the distribution on PostgreSQL, in a schema of its own. Skipped, with a message,
 * where no PostgreSQL answers.
 */
class PostgresDatasetApiE2EIT extends DatasetApiE2EIT {
    String schema;

    @Override
    String configure(Distribution d) throws Exception {
        schema = PostgresSchemas.create();
        d.env.put("TRIBUTARY_DB_URL", PostgresSchemas.url(schema));
        d.env.put("TRIBUTARY_ADMIN_TOKEN", "pg-dataset-e2e-token");
        return "pg-dataset-e2e-token";
    }

    @AfterAll
    void dropSchema() throws Exception {
        PostgresSchemas.drop(schema);
    }

    /** A fresh schema per suite on the CI PostgreSQL, dropped afterwards. */
    static final class PostgresSchemas {
        private PostgresSchemas() {
        }

        static String create() throws Exception {
            String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = PostgresDistributionE2EIT.connect(PostgresDistributionE2EIT.PG_URL);
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            return schema;
        }

        static String url(String schema) {
            String url = PostgresDistributionE2EIT.PG_URL;
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        static void drop(String schema) throws Exception {
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(PostgresDistributionE2EIT.PG_URL);
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
