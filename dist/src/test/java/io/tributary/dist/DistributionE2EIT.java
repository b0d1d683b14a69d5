package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The assembled distribution as a separate process over real HTTP: health, admin authentication, plugin
 * upload and retire, bad uploads, restart with and without the framework cache, graceful stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionE2EIT {
    static final Path TESTKIT = Paths.get(System.getProperty("tributary.testkit.jar"));

    Path scratch;

    Distribution dist;
    Http http;
    String token;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        scratch = dir;
        dist = new Distribution(scratch);
        dist.start();
        http = new Http(dist.baseUrl());
        Path tokenFile = dist.dataDir().resolve("admin.token");
        token = Files.readString(tokenFile).trim();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        assertTrue(dist.log().contains(token), "a generated admin token is printed once");
    }

    @AfterAll
    void stop() throws Exception {
        dist.close();
    }

    @Test
    @Order(1)
    void healthReportsEveryBundleActive() throws Exception {
        Http.Response r = http.get("/health", null);
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("ok", r.json().get("status").asText());
        int active = r.json().get("bundles").get("active").asInt();
        assertEquals(r.json().get("bundles").get("total").asInt(), active);
        assertTrue(active >= 10);
        assertEquals("0.1.0-SNAPSHOT", r.json().get("version").asText());
    }

    @Test
    @Order(2)
    void adminRoutesNeedTheAdminToken() throws Exception {
        Http.Response none = http.get("/admin/v1/plugins", null);
        assertError(none, 401, "unauthorized");
        assertEquals("Bearer realm=\"api\"", none.header("WWW-Authenticate"));
        assertEquals("Authorization header must be provided and start with 'Bearer'", none.json().get("message").asText());

        Http.Response basic = http.get("/admin/v1/plugins", "Basic " + token);
        assertError(basic, 401, "unauthorized");
        assertEquals("Authorization scheme must be 'Bearer'", basic.json().get("message").asText());

        assertError(http.get("/admin/v1/plugins", token + "x"), 401, "unauthorized");
        assertError(http.get("/admin/v1/node-types", "app-notanadminkey"), 401, "unauthorized");
        assertError(http.postMultipart("/admin/v1/plugins", null, "file", "t.jar", Files.readAllBytes(TESTKIT)), 401,
                "unauthorized");
    }

    @Test
    @Order(3)
    void shippedPluginsAndCoreBundlesAreListed() throws Exception {
        Http.Response r = http.get("/admin/v1/plugins", token);
        assertEquals(200, r.status());
        JsonNode flow = find(r.json().get("data"), p -> p.get("symbolic_name").asText().equals("io.tributary.node.flow"));
        assertNotNull(flow, "the flow bundle from deploy/ is listed");
        assertFalse(flow.get("core").asBoolean());
        assertEquals("ACTIVE", flow.get("state").asText());
        assertTrue(types(flow.get("node_types")).containsAll(List.of("start", "end")));
        JsonNode engine = find(r.json().get("data"), p -> p.get("symbolic_name").asText().equals("io.tributary.engine"));
        assertTrue(engine.get("core").asBoolean());

        Http.Response t = http.get("/admin/v1/node-types", token);
        assertEquals(200, t.status());
        assertTrue(types(t.json().get("data")).containsAll(List.of("start", "end")));
    }

    @Test
    @Order(4)
    void aPluginIsUploadedBesideItsOtherVersionAndRetired() throws Exception {
        Http.Response up = http.postMultipart("/admin/v1/plugins", token, "file", "testkit.jar", Files.readAllBytes(TESTKIT));
        assertEquals(201, up.status(), up.raw().body());
        assertEquals("io.tributary.node.testkit", up.json().get("symbolic_name").asText());
        assertEquals("ACTIVE", up.json().get("state").asText());
        long v1 = up.json().get("id").asLong();
        assertTrue(types(up.json().get("node_types")).contains("echo"));

        Http.Response again = http.postMultipart("/admin/v1/plugins", token, "file", "testkit.jar", Files.readAllBytes(TESTKIT));
        assertError(again, 400, "invalid_bundle");
        assertTrue(again.json().get("message").asText().contains("already installed"), again.raw().body());

        Path v2jar = Jars.withVersion(TESTKIT, "9.0.0", scratch.resolve("testkit-9.jar"));
        Http.Response up2 = http.post("/admin/v1/plugins", token, "application/java-archive", Files.readAllBytes(v2jar));
        assertEquals(201, up2.status(), up2.raw().body());
        long v2 = up2.json().get("id").asLong();
        List<String> echoVersions = new ArrayList<>();
        http.get("/admin/v1/node-types", token).json().get("data").forEach(t -> {
            if (t.get("type").asText().equals("echo")) {
                echoVersions.add(t.get("version").asText());
            }
        });
        assertEquals(2, echoVersions.size(), "both versions side by side: " + echoVersions);
        assertTrue(echoVersions.contains("9.0.0"));

        Http.Response retired = http.delete("/admin/v1/plugins/" + v1 + "?drain_timeout=5", token);
        assertEquals(200, retired.status(), retired.raw().body());
        assertEquals("success", retired.json().get("result").asText());
        assertTrue(retired.json().get("drained").asBoolean());
        assertError(http.delete("/admin/v1/plugins/" + v1, token), 404, "not_found");
        assertEquals(1, countEcho());

        // v2 stays for the restart tests below.
        assertEquals(200, http.get("/admin/v1/plugins/" + v2, token).status());
    }

    @Test
    @Order(5)
    void badUploadsAndBadIdsAreClear4xx() throws Exception {
        Http.Response garbage = http.post("/admin/v1/plugins", token, "application/octet-stream", "not a jar".getBytes());
        assertError(garbage, 400, "invalid_bundle");
        assertTrue(garbage.json().get("message").asText().startsWith("Not a valid bundle: not a jar file"));

        assertError(http.post("/admin/v1/plugins", token, "application/octet-stream", new byte[0]), 400, "invalid_bundle");

        Path plainJar = scratch.resolve("plain.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(plainJar), new java.util.jar.Manifest())) {
            out.putNextEntry(new java.util.jar.JarEntry("hello.txt"));
            out.write("hi".getBytes());
        }
        Http.Response notBundle = http.postMultipart("/admin/v1/plugins", token, "file", "plain.jar", Files.readAllBytes(plainJar));
        assertError(notBundle, 400, "invalid_bundle");
        assertTrue(notBundle.json().get("message").asText().contains("Bundle-SymbolicName"));

        Http.Response noFile = http.postMultipart("/admin/v1/plugins", token, "other", "x.jar", Files.readAllBytes(TESTKIT));
        assertError(noFile, 400, "no_file_uploaded");

        assertError(http.delete("/admin/v1/plugins/abc", token), 400, "invalid_param");
        assertError(http.delete("/admin/v1/plugins/0", token), 403, "forbidden");
        assertError(http.delete("/admin/v1/plugins/1?drain_timeout=-3", token), 400, "invalid_param");
        assertError(http.delete("/admin/v1/plugins/99999", token), 404, "not_found");
        assertError(http.get("/no/such/route", null), 404, "not_found");
        assertEquals(1, countEcho(), "nothing was installed by the bad uploads");
    }

    @Test
    @Order(6)
    void uploadsSurviveARestartWithAndWithoutTheFrameworkCache() throws Exception {
        assertEquals(143, dist.stop(), "SIGTERM ends the JVM through its shutdown hook");
        assertTrue(dist.log().contains("HTTP stopped"), dist.log());

        dist.start();
        assertFalse(dist.log().contains("Admin token generated"), "the token is printed only once");
        assertEquals(200, http.get("/health", null).status());
        assertEquals(1, countEcho(), "the uploaded plugin is still installed (reused cache)");

        dist.stop();
        dist.env.put("TRIBUTARY_CACHE_CLEAN", "true");
        dist.start();
        assertEquals(200, http.get("/health", null).status());
        assertEquals(1, countEcho(), "the uploaded plugin is restored from the data directory (clean cache)");
    }

    private int countEcho() throws Exception {
        int n = 0;
        for (JsonNode t : http.get("/admin/v1/node-types", token).json().get("data")) {
            n += t.get("type").asText().equals("echo") ? 1 : 0;
        }
        return n;
    }

    static void assertError(Http.Response r, int status, String code) {
        assertEquals(status, r.status(), r.raw().body());
        assertNotNull(r.json(), "JSON error body: " + r.raw().body());
        assertEquals(code, r.json().get("code").asText(), r.raw().body());
        assertEquals(status, r.json().get("status").asInt());
        assertFalse(r.json().get("message").asText().isBlank());
    }

    static JsonNode find(JsonNode array, Predicate<JsonNode> p) {
        for (JsonNode n : array) {
            if (p.test(n)) {
                return n;
            }
        }
        return null;
    }

    static List<String> types(JsonNode nodeTypes) {
        List<String> out = new ArrayList<>();
        nodeTypes.forEach(t -> out.add(t.get("type").asText()));
        return out;
    }
}
