package io.tributary.dist;

import static io.tributary.dist.DistributionE2EIT.assertError;
import static io.tributary.dist.DistributionE2EIT.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.dist.evil.ExitActivator;
import io.tributary.dist.evil.HangActivator;

/**
 * Hostile plugin uploads against the distribution as a separate process: a symbolic name that is a path, the
 * name of a core bundle, an export of an API package, an oversized manifest, an activator that never returns and
 * one that calls {@code System.exit} — the server writes nothing outside its plugin folder, refuses each with
 * 400 {@code invalid_bundle}, stays healthy, and after the process was ended by a plugin comes up with that plugin
 * quarantined.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginHardeningE2EIT {
    static final int START_TIMEOUT_SECONDS = 3;

    Distribution dist;
    Http http;
    String token;

    @BeforeAll
    void start(@TempDir Path scratch) throws Exception {
        dist = new Distribution(scratch);
        dist.env.put("TRIBUTARY_PLUGINS_START_TIMEOUT_SECONDS", Integer.toString(START_TIMEOUT_SECONDS));
        dist.env.put("TRIBUTARY_SHUTDOWN_TIMEOUT_SECONDS", "5");
        dist.start();
        http = new Http(dist.baseUrl());
        token = Files.readString(dist.dataDir().resolve("admin.token")).trim();
    }

    @AfterAll
    void stop() throws Exception {
        dist.close();
    }

    private Path plugins() {
        return dist.dataDir().resolve("plugins");
    }

    private Http.Response upload(byte[] jar) throws Exception {
        return http.post("/admin/v1/plugins", token, "application/java-archive", jar);
    }

    private static Map<String, String> headers(String bsn, String version) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-SymbolicName", bsn);
        h.put("Bundle-Version", version);
        return h;
    }

    /** Every file under the installation, the plugin folder left out. */
    private Set<String> filesOutsidePlugins() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dist.home)) {
            files.filter(p -> !p.startsWith(plugins()) && !p.startsWith(dist.dataDir().resolve("felix-cache"))
                            && Files.isRegularFile(p))
                    .forEach(p -> out.add(dist.home.relativize(p).toString()));
        }
        return out;
    }

    private JsonNode listed(String bsn) throws Exception {
        Http.Response r = http.get("/admin/v1/plugins", token);
        assertEquals(200, r.status(), r.raw().body());
        return find(r.json().get("data"), p -> p.get("symbolic_name").asText().equals(bsn));
    }

    @Test
    @Order(1)
    void aSymbolicNameThatIsAPathWritesNothingOutsideThePluginFolder() throws Exception {
        String tmpName = "tributary-e2e-" + UUID.randomUUID();
        Set<String> before = filesOutsidePlugins();
        List<String> pluginsBefore = list(plugins());
        for (String bsn : List.of("../../../../tmp/" + tmpName, "../../lib/x", "../../deploy/x", "../x;singleton:=true",
                "..", "a/../../b")) {
            Http.Response r = upload(TestBundles.bundle(headers(bsn, "1.0.0")));
            assertError(r, 400, "invalid_bundle");
            assertTrue(r.json().get("message").asText().contains("is not a symbolic name"), r.raw().body());
        }
        Http.Response badVersion = upload(TestBundles.bundle(headers("ok.name", "1.0.0/../../x")));
        assertError(badVersion, 400, "invalid_bundle");
        assertFalse(Files.exists(Paths.get("/tmp", tmpName + "-1.0.0.jar")));
        assertEquals(before, filesOutsidePlugins(), "nothing was written outside data/plugins");
        assertEquals(pluginsBefore, list(plugins()), "nor inside it");
    }

    @Test
    @Order(2)
    void aCoreNameAnApiExportAndAnOversizedManifestAreRefused() throws Exception {
        Http.Response core = upload(TestBundles.bundle(headers("io.tributary.engine", "99.0.0")));
        assertError(core, 400, "invalid_bundle");
        assertTrue(core.json().get("message").asText().contains("core bundle"), core.raw().body());

        Map<String, String> api = headers("com.example.api.thief", "1.0.0");
        api.put("Export-Package", "com.example.ok,io.tributary.api.model;version=\"9.0\"");
        Http.Response export = upload(TestBundles.bundle(api));
        assertError(export, 400, "invalid_bundle");
        assertTrue(export.json().get("message").asText().contains("io.tributary.api.model"), export.raw().body());

        Map<String, String> big = headers("com.example.big", "1.0.0");
        StringBuilder exports = new StringBuilder("p0");
        for (int i = 1; i < 200_000; i++) {
            exports.append(",p").append(i);
        }
        big.put("Export-Package", exports.toString());
        Http.Response oversized = upload(TestBundles.bundle(big));
        assertError(oversized, 400, "invalid_bundle");
        assertTrue(oversized.json().get("message").asText().contains("larger than"), oversized.raw().body());

        assertNull(versionOf("io.tributary.engine", "99.0.0"));
        assertNull(listed("com.example.api.thief"));
        assertNull(listed("com.example.big"));
    }

    private JsonNode versionOf(String bsn, String version) throws Exception {
        return find(http.get("/admin/v1/plugins", token).json().get("data"),
                p -> p.get("symbolic_name").asText().equals(bsn) && p.get("version").asText().equals(version));
    }

    @Test
    @Order(3)
    void anActivatorThatNeverReturnsIsRefusedWithinTheTimeLimit() throws Exception {
        long t0 = System.nanoTime();
        Http.Response r = upload(TestBundles.withActivator("com.example.hang", HangActivator.class));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        assertError(r, 400, "invalid_bundle");
        assertTrue(r.json().get("message").asText().contains("did not start within " + START_TIMEOUT_SECONDS + " s"),
                r.raw().body());
        assertTrue(seconds < START_TIMEOUT_SECONDS + 15, "answered after " + seconds + " s");

        Http.Response health = http.get("/health", null);
        assertEquals(200, health.status(), health.raw().body());
        JsonNode hang = listed("com.example.hang");
        assertTrue(hang == null || !hang.get("state").asText().equals("ACTIVE"), String.valueOf(hang));
        assertEquals(List.of(), list(plugins()).stream().filter(f -> f.endsWith(".jar")).toList(),
                "its jar is deleted at once");
        // the upload route still works
        Http.Response fine = http.post("/admin/v1/plugins", token, "application/java-archive",
                Files.readAllBytes(DistributionE2EIT.TESTKIT));
        assertEquals(201, fine.status(), fine.raw().body());
        assertEquals("ACTIVE", fine.json().get("state").asText());
    }

    @Test
    @Order(4)
    void aPluginThatEndsTheProcessIsQuarantinedAndTheServerComesBack() throws Exception {
        try {
            Http.Response r = upload(TestBundles.withActivator("com.example.exit", ExitActivator.class));
            throw new AssertionError("the process was expected to end, but the upload answered " + r.status() + " "
                    + r.raw().body());
        } catch (IOException expected) {
            // the server process ended during the request
        }
        assertEquals(3, dist.awaitExit(Duration.ofSeconds(60)), "the plugin's System.exit(3) ended the JVM");
        assertTrue(dist.log().contains("is starting: its activator called System.exit"), dist.log());
        assertTrue(dist.log().contains("com.example.exit"), dist.log());

        // a partial upload left by the dead process is swept on start
        Path partial = Files.writeString(plugins().resolve("upload-123456.tmp"), "partial");

        dist.start();
        assertEquals(200, http.get("/health", null).status(), "the server comes up");
        assertFalse(Files.exists(partial), "the partial upload was swept");
        JsonNode exit = listed("com.example.exit");
        assertNotNull(exit, "the plugin is listed");
        assertEquals("QUARANTINED", exit.get("state").asText(), exit.toString());
        assertTrue(exit.get("error").asText().contains("System.exit"), exit.toString());
        assertFalse(listed("io.tributary.node.testkit").get("state").asText().equals("QUARANTINED"),
                "the well-behaved upload starts as before");
        assertEquals("ACTIVE", listed("io.tributary.node.testkit").get("state").asText());
        assertTrue(listed("io.tributary.node.flow").get("error").isNull());

        // still quarantined after a normal restart: nothing starts it until an admin asks
        dist.stop();
        dist.start();
        exit = listed("com.example.exit");
        assertEquals("QUARANTINED", exit.get("state").asText(), exit.toString());
        assertNull(listed("com.example.hang"), "the hung upload whose jar was deleted is gone after a restart");

        long id = exit.get("id").asLong();
        assertEquals(200, http.get("/admin/v1/plugins/" + id, token).status());
        assertError(http.post("/admin/v1/plugins/99999/start", token, null, new byte[0]), 404, "not_found");
        assertError(http.post("/admin/v1/plugins/1/start", token, null, new byte[0]), 403, "forbidden");
        Http.Response removed = http.delete("/admin/v1/plugins/" + id + "?drain_timeout=0", token);
        assertEquals(200, removed.status(), removed.raw().body());
        assertNull(listed("com.example.exit"));
        assertEquals(1, list(plugins()).stream().filter(f -> f.endsWith(".jar")).count(), "only the testkit jar is left");
    }

    @Test
    @Order(5)
    void aDeployedPluginThatEndsTheProcessStaysQuarantinedEvenWithAnEmptyFrameworkCache() throws Exception {
        Path jar = dist.home.resolve("deploy").resolve("exit-deploy.jar");
        Files.write(jar, TestBundles.withActivator("com.example.exit.deploy", ExitActivator.class));
        assertEquals(3, dist.awaitExit(Duration.ofSeconds(60)), "FileInstall started it and it ended the JVM");

        dist.start();
        JsonNode exit = listed("com.example.exit.deploy");
        assertEquals("QUARANTINED", exit.get("state").asText(), exit.toString());

        // FileInstall installs and starts deploy/ jars again from an empty cache: the quarantine holds
        dist.stop();
        dist.env.put("TRIBUTARY_CACHE_CLEAN", "true");
        try {
            dist.start();
        } finally {
            dist.env.remove("TRIBUTARY_CACHE_CLEAN");
        }
        assertEquals(200, http.get("/health", null).status());
        exit = listed("com.example.exit.deploy");
        assertEquals("QUARANTINED", exit.get("state").asText(), exit.toString());
        assertEquals("ACTIVE", listed("io.tributary.node.flow").get("state").asText());

        // deleting the jar removes the plugin (FileInstall uninstalls it) and its quarantine
        Files.delete(jar);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // (the journal forgets it on the framework's UNINSTALLED event, just after the bundle leaves the list)
        while (listed("com.example.exit.deploy") != null
                || Files.readString(plugins().resolve("start-journal.properties")).contains("exit-deploy")) {
            assertTrue(System.nanoTime() < deadline, "FileInstall did not uninstall the deleted jar, or the"
                    + " journal kept its quarantine");
            Thread.onSpinWait();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
