package io.tributary.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
    @TempDir
    Path data;

    @Test
    void generatedOnceKeptOwnerOnlyAndReused() throws Exception {
        AdminToken.Token first = AdminToken.resolve("", data);
        assertTrue(first.generated());
        assertTrue(first.value().startsWith("tba-"));
        assertTrue(first.value().length() >= 40, "at least 256 bits of randomness");
        Path file = data.resolve(AdminToken.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        AdminToken.Token second = AdminToken.resolve(null, data);
        assertFalse(second.generated());
        assertEquals(first.value(), second.value());
    }

    @Test
    void aConfiguredTokenWinsAndNothingIsWritten() throws Exception {
        AdminToken.Token t = AdminToken.resolve("my-admin-token", data);
        assertFalse(t.generated());
        assertEquals("my-admin-token", t.value());
        assertFalse(Files.exists(data.resolve(AdminToken.FILE_NAME)));
        assertEquals("b2c7a9b4e7c7d1f2c9e63b3a6a2f7c2b3f33e1b9c7d4f8e1a5b6c7d8e9f0a1b2".length(), t.sha256().length());
    }
}
