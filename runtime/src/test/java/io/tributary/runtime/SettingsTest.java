package io.tributary.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void defaultsApplyWithoutAnyFile() throws Exception {
        Settings s = Settings.load(home, Map.of(), new Properties());
        assertEquals(8080, s.getInt("http.port"));
        assertEquals(home.resolve("data").toAbsolutePath(), s.dataDir());
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/tributary.properties"),
                "http.port=9001\ndb.user=file-user\ndb.password=file-pw\nssrf.allow=10.0.0.0/8\n");
        Properties sys = new Properties();
        sys.setProperty("tributary.http.port", "9003");
        Map<String, String> env = Map.of("TRIBUTARY_HTTP_PORT", "9002", "TRIBUTARY_DB_USER", "env-user",
                "TRIBUTARY_DATA_DIR", "/var/lib/trib", "OTHER_VAR", "x");

        Settings s = Settings.load(home, env, sys);

        assertEquals(9003, s.getInt("http.port"));
        assertEquals("env-user", s.get("db.user"));
        assertEquals("file-pw", s.get("db.password"));
        assertEquals("10.0.0.0/8", s.get("ssrf.allow"));
        assertEquals(Path.of("/var/lib/trib"), s.dataDir());
        assertEquals(Map.of("password", "file-pw", "url", "", "user", "env-user"), s.withPrefix("db."));
    }

    @Test
    void environmentNamesMapToDottedKeys() {
        assertEquals("http.max.request.bytes", Settings.envKey("TRIBUTARY_HTTP_MAX_REQUEST_BYTES"));
        assertEquals("ssrf.allow", Settings.envKey("TRIBUTARY_SSRF_ALLOW"));
    }

    @Test
    void aNonNumericPortIsAClearError() throws Exception {
        Properties sys = new Properties();
        sys.setProperty("tributary.http.port", "eighty");
        Settings s = Settings.load(home, Map.of(), sys);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.getInt("http.port"));
        assertEquals("setting 'http.port' must be a whole number, got 'eighty'", e.getMessage());
    }
}
