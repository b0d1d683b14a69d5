package io.tributary.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the provisioner that need no server; the whole path is covered by the dist E2E tests. */
class ProvisionerTest {
    @TempDir
    Path data;

    @Test
    void wildcardHostsBecomeLoopback() {
        assertEquals(URI.create("http://127.0.0.1:8080"), Provisioner.baseUrl("0.0.0.0", 8080));
        assertEquals(URI.create("http://127.0.0.1:9"), Provisioner.baseUrl("", 9));
        assertEquals(URI.create("http://10.0.0.5:80"), Provisioner.baseUrl("10.0.0.5", 80));
        assertEquals(URI.create("http://[::1]:80"), Provisioner.baseUrl("::1", 80));
    }

    @Test
    void readsStringFieldsOfTheAdminApiAnswers() throws IOException {
        assertEquals("abc", Provisioner.field("{\"id\": \"abc\", \"name\":\"x\"}", "id"));
        assertEquals("app-XyZ_1", Provisioner.field("{\"token\":\"app-XyZ_1\"}", "token"));
        assertThrows(IOException.class, () -> Provisioner.field("{\"other\":\"v\"}", "id"));
    }

    @Test
    void theKeyFileIsOwnerOnly() throws IOException {
        Path f = data.resolve("demo-app.key");
        Provisioner.writePrivate(f, "app-secret\n");
        assertEquals("app-secret\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void anExistingKeyFileMeansNothingIsProvisionedOrPrinted() throws Exception {
        Files.writeString(data.resolve(Provisioner.DEMO_APP_KEY_FILE), "app-old\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // Port 9 (discard) is never asked: the marker is checked before any request.
        Provisioner p = new Provisioner(URI.create("http://127.0.0.1:9"), "tba-x", data, new PrintStream(printed));

        assertNull(p.demoWorkflowApp());
        assertEquals(0, printed.size());
    }
}
