package io.tributary.dist;

import org.junit.jupiter.api.AfterAll;

/** {@link DatasetCrashE2EIT} on PostgreSQL, in a schema of its own; skipped where no PostgreSQL answers. */
class PostgresDatasetCrashE2EIT extends DatasetCrashE2EIT {
    String schema;

    @Override
    String configure(Distribution d) throws Exception {
        schema = PostgresDatasetApiE2EIT.PostgresSchemas.create();
        d.env.put("TRIBUTARY_DB_URL", PostgresDatasetApiE2EIT.PostgresSchemas.url(schema));
        d.env.put("TRIBUTARY_ADMIN_TOKEN", "pg-crash-e2e-token");
        return "pg-crash-e2e-token";
    }

    @AfterAll
    void dropSchema() throws Exception {
        PostgresDatasetApiE2EIT.PostgresSchemas.drop(schema);
    }
}
