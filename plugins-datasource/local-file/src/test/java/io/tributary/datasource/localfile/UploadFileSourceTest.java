package io.tributary.datasource.localfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.datasource.DatasourceDescriptor;
import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.LocalFile;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.store.db.Database;
import io.tributary.store.db.DatabaseSettings;
import io.tributary.store.files.JdbcFileStore;

/** The local_file datasource over the real file store (embedded H2 and files on disk in a temp directory). */
class UploadFileSourceTest {
    @TempDir
    Path dataDir;

    private Database database;
    private JdbcFileStore files;
    private UploadFileSource source;

    @BeforeEach
    void open() {
        database = new Database(DatabaseSettings.embedded(dataDir, 2));
        files = new JdbcFileStore(database, dataDir.resolve("files"));
        source = new UploadFileSource(files);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void describesItselfAsDifysBuiltInFileSource() {
        assertEquals(new DatasourceDescriptor("langgenius/file", "upload-file", DatasourceType.LOCAL_FILE, "File",
                Map.of(), Map.of()), source.descriptor());
    }

    @Test
    void resolvesAnUploadToItsFileStoreIdAndMetadata() throws Exception {
        byte[] bytes = "# Notes\n\nThe river runs to the sea.\n".getBytes(StandardCharsets.UTF_8);
        UploadFile up = files.save("Notes.md", null, "tester", UploadFile.DATASETS_SCOPE, new ByteArrayInputStream(bytes),
                1024);

        LocalFile f = source.resolve(" " + up.id() + " ");
        assertEquals(up.id(), f.id());
        assertEquals("Notes.md", f.name());
        assertEquals("text/markdown", f.mimeType());
        assertEquals(bytes.length, f.size());
        try (InputStream in = files.open(f.id())) {
            assertArrayEquals(bytes, in.readAllBytes(), "the id is what the extractor reads the content by");
        }
    }

    @Test
    void anUnknownBlankOrMissingReferenceIsNotExist() {
        for (String ref : new String[] {"7d9f7a3e-1111-2222-3333-444455556666", "not-a-uuid", " ", null}) {
            DatasourceException e = assertThrows(DatasourceException.class, () -> source.resolve(ref));
            assertEquals("File is not exist.", e.getMessage());
        }
    }

    @Test
    void anAppsUploadIsNotExistForADatasetKey() throws Exception {
        UploadFile up = files.save("Notes.md", null, "tester", UploadFile.appScope("app-1"),
                new ByteArrayInputStream(new byte[] {1}), 1024);
        DatasourceException e = assertThrows(DatasourceException.class, () -> source.resolve(up.id()));
        assertEquals("File is not exist.", e.getMessage());
        UploadFile old = files.save("Old.md", null, "tester", new ByteArrayInputStream(new byte[] {1}), 1024);
        assertEquals("Old.md", source.resolve(old.id()).name(), "an upload older than scopes still resolves");
    }
}
