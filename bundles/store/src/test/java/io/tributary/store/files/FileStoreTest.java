package io.tributary.store.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

@BothDatabases
class FileStoreTest extends StoreTestBase {
    @TempDir
    Path dataDir;

    private JdbcFileStore store;

    @Override
    protected void openStores(Database database) {
        store = new JdbcFileStore(database, dataDir.resolve("files"));
    }

    @Test
    void savesContentByHashAndMetadataInTheDatabase() throws Exception {
        byte[] bytes = "hello, tributary\n".getBytes(StandardCharsets.UTF_8);

        UploadFile f = store.save("Notes.MD", null, "u1", new ByteArrayInputStream(bytes), 1024);

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(sha, f.sha256());
        assertEquals(bytes.length, f.size());
        assertEquals("md", f.extension());
        assertEquals("text/markdown", f.mimeType());
        assertEquals("Notes.MD", f.name());
        assertEquals("u1", f.createdBy());
        Path blob = dataDir.resolve("files").resolve(sha.substring(0, 2)).resolve(sha);
        assertArrayEquals(bytes, Files.readAllBytes(blob));
        assertEquals(Optional.of(f), store.file(f.id()));
        try (InputStream in = store.open(f.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertEquals(List.of(blob), files(), "no temporary file is left");
    }

    @Test
    void mimeTypeIsTheGivenOneElseFromTheExtensionElseOctetStream() throws Exception {
        assertEquals("text/x-custom", save("a.txt", "text/x-custom").mimeType());
        assertEquals("application/pdf", save("a.pdf", null).mimeType());
        assertEquals("application/octet-stream", save("a.unknownext", "").mimeType());
        UploadFile none = save("README", null);
        assertEquals("", none.extension());
        assertEquals("application/octet-stream", none.mimeType());
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] bytes = new byte[200_000];
        new java.util.Random(7).nextBytes(bytes);

        UploadFile a = store.save("a.bin", null, "u1", new ByteArrayInputStream(bytes), bytes.length);
        UploadFile b = store.save("b.bin", null, "u2", new ByteArrayInputStream(bytes), bytes.length);

        assertNotEquals(a.id(), b.id());
        assertEquals(a.sha256(), b.sha256());
        assertEquals(1, files().size(), files().toString());
        try (InputStream in = store.open(b.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void tooLargeStopsReadingAndKeepsNothing() throws Exception {
        CountingStream endless = new CountingStream();

        FileTooLargeException e = assertThrows(FileTooLargeException.class,
                () -> store.save("big.txt", null, "u1", endless, 100_000));

        assertEquals(100_000, e.limit());
        assertTrue(endless.read <= 100_000 + 64 * 1024, "read " + endless.read + " bytes of an endless stream");
        assertEquals(List.of(), files());
        // exactly the limit is fine
        assertEquals(5, store.save("five.txt", null, "u1", new ByteArrayInputStream(new byte[5]), 5).size());
        assertThrows(FileTooLargeException.class,
                () -> store.save("six.txt", null, "u1", new ByteArrayInputStream(new byte[6]), 5));
    }

    @Test
    void aFailingStreamKeepsNothing() throws IOException {
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 10) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        IOException e = assertThrows(IOException.class, () -> store.save("x.txt", null, "u", broken, 1000));
        assertEquals("connection reset", e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void emptyFilesAndUnknownIds() throws Exception {
        UploadFile empty = store.save("empty.txt", null, "u", InputStream.nullInputStream(), 10);
        assertEquals(0, empty.size());
        assertTrue(store.file("nope").isEmpty());
        assertTrue(store.file(null).isEmpty());
        assertThrows(FileNotFoundException.class, () -> store.open("nope"));
    }

    @Test
    void namesWithAPathAreRefused() {
        for (String bad : new String[] {"../etc/passwd", "a\\b.txt", "", " "}) {
            assertThrows(IllegalArgumentException.class,
                    () -> store.save(bad, null, "u", new ByteArrayInputStream(new byte[1]), 10), bad);
        }
    }

    private UploadFile save(String name, String mime) throws IOException {
        return store.save(name, mime, "u", new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)), 1000);
    }

    private List<Path> files() throws IOException {
        Path root = dataDir.resolve("files");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** Endless zeros, counting what was read. */
    static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }
}
