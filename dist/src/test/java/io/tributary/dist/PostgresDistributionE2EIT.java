package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution on PostgreSQL (the real server of this machine kind, {@code TRIBUTARY_TEST_PG_URL}), in a
 * schema of its own: it starts healthy, migrates, and records an uploaded plugin in PostgreSQL. Skipped, with a
 * message, where no PostgreSQL answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDistributionE2EIT {
    static final String PG_URL = System.getenv().getOrDefault("TRIBUTARY_TEST_PG_URL", "");
    static final Path TESTKIT = Paths.get(System.getProperty("tributary.testkit.jar"));

    String schema;
    Distribution dist;

    @BeforeAll
    void start(@TempDir Path scratch) throws Exception {
        try (Connection c = connect(PG_URL)) {
            schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
        }
        dist = new Distribution(scratch);
        String sep = PG_URL.contains("?") ? "&" : "?";
        dist.env.put("TRIBUTARY_DB_URL", PG_URL + sep + "currentSchema=" + schema);
        dist.env.put("TRIBUTARY_ADMIN_TOKEN", "pg-e2e-token");
        dist.start();
    }

    static Connection connect(String url) {
        if (url.isBlank()) {
            Assumptions.abort("TRIBUTARY_TEST_PG_URL is empty: skipping the PostgreSQL end-to-end tests");
        }
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            System.out.println("PostgreSQL not reachable at " + url + " (" + e.getMessage() + "): skipping");
            Assumptions.abort("PostgreSQL not reachable at " + url + ": skipping");
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (dist != null) {
            dist.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void runsOnPostgresAndRecordsUploadedPluginsThere() throws Exception {
        Http http = new Http(dist.baseUrl());
        assertEquals(200, http.get("/health", null).status());
        assertTrue(dist.log().contains("PostgreSQL"), "the store says which database it uses:\n" + dist.log());
        assertFalse(dist.log().contains("pg-e2e-token"), "the admin token is not logged");

        Http.Response up = http.postMultipart("/admin/v1/plugins", "pg-e2e-token", "file", "testkit.jar",
                Files.readAllBytes(TESTKIT));
        assertEquals(201, up.status(), up.raw().body());
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT symbolic_name, source FROM " + schema + ".plugin_records")) {
            assertTrue(rs.next(), "the upload is recorded in PostgreSQL");
            assertEquals("io.tributary.node.testkit", rs.getString(1));
            assertEquals("upload", rs.getString(2));
        }
        long id = up.json().get("id").asLong();
        assertEquals(200, http.delete("/admin/v1/plugins/" + id, "pg-e2e-token").status());
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".plugin_records")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "retiring removes the record");
        }
    }
}
