package io.tributary.dist;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;

/**
 * {@link WorkflowApiE2EIT} against the distribution on PostgreSQL, in a schema of its own. Skipped, with a
 * message, where no PostgreSQL answers.
 */
class PostgresWorkflowApiE2EIT extends WorkflowApiE2EIT {
    String schema;

    @Override
    String configure(Distribution d) throws Exception {
        String url = PostgresDistributionE2EIT.PG_URL;
        try (Connection c = PostgresDistributionE2EIT.connect(url); Statement s = c.createStatement()) {
            schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.execute("CREATE SCHEMA " + schema);
        }
        d.env.put("TRIBUTARY_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        d.env.put("TRIBUTARY_ADMIN_TOKEN", "pg-workflow-e2e-token");
        return "pg-workflow-e2e-token";
    }

    @AfterAll
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PostgresDistributionE2EIT.PG_URL);
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
