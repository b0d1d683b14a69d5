package io.tributary.node.knowledge.datasource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.event.RunStatus;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.datasource.localfile.UploadFileSource;
import io.tributary.node.knowledge.Events;
import io.tributary.node.knowledge.StoreBackedTest;

/** local_file through the real local-file datasource and online_drive into the real file store. */
class StoredFilesTest extends StoreBackedTest {
    static final Map<String, Object> CHUNKS = Map.of("chunks", List.of("one chunk"));

    private Events run(String root, String type, Map<String, ?> info) throws Exception {
        return run("datasources", debugger("ds-1", type, info).andThen(b -> b.startNodeId(root).rag("shared", CHUNKS)));
    }

    @Test
    void anUploadBecomesALocalFile() throws Exception {
        providers.add(DatasourceType.LOCAL_FILE, new UploadFileSource(fileStore), TestSources.props(
                DatasourceType.LOCAL_FILE, "langgenius/file", 1));
        byte[] bytes = "# Notes\n\nThe river runs to the sea.\n".getBytes(StandardCharsets.UTF_8);
        UploadFile up = fileStore.save("Notes.md", null, "tester", new ByteArrayInputStream(bytes), 1024);

        Events ev = run("file", "local_file", Map.of("reference", up.id(), "name", "Notes.md"));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        Map<?, ?> file = (Map<?, ?>) ev.finished("file").outputs().get("file");
        assertEquals(up.id(), file.get("related_id"));
        assertEquals("local_file", file.get("transfer_method"));
        assertEquals("Notes.md", file.get("filename"));
        assertEquals(".md", file.get("extension"));
        assertEquals("text/markdown", file.get("mime_type"));
        assertEquals("document", file.get("type"));
        assertEquals((long) bytes.length, ((Number) file.get("size")).longValue());

        ev = run("file", "local_file", Map.of("reference", "8a1c3f4e-0000-0000-0000-000000000000"));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Failed to invoke datasource: File is not exist.", ev.finished("file").error());
    }

    @Test
    void aDriveDownloadIsSavedAsAToolFile() throws Exception {
        TestSources.Drive drive = new TestSources.Drive(10);
        providers.add(DatasourceType.ONLINE_DRIVE, drive, TestSources.props(DatasourceType.ONLINE_DRIVE,
                "langgenius/s3_datasource/s3", 1));
        Events ev = run("drive", "online_drive", Map.of("bucket", "docs", "id", "reports/q1.txt", "name", "q1.txt",
                "type", "file"));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of(List.of(Map.of(), "docs", "reports/q1.txt")), drive.calls);
        Map<?, ?> file = (Map<?, ?>) ev.finished("drive").outputs().get("file");
        assertEquals("tool_file", file.get("transfer_method"));
        assertEquals("q1.txt", file.get("filename"));
        assertEquals("text/plain", file.get("mime_type"));
        String id = (String) file.get("related_id");
        assertEquals("tester", fileStore.file(id).orElseThrow().createdBy(), "saved as sys.user_id");
        try (InputStream in = fileStore.open(id)) {
            assertArrayEquals("x".repeat(10).getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void aDownloadOverTheLimitFailsAndKeepsNothing() throws Exception {
        maxFileSize = 5;
        providers.add(DatasourceType.ONLINE_DRIVE, new TestSources.Drive(10), TestSources.props(
                DatasourceType.ONLINE_DRIVE, "langgenius/s3_datasource/s3", 1));
        Events ev = run("drive", "online_drive", Map.of("bucket", "docs", "id", "big.txt"));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Failed to invoke datasource: downloading big.txt failed: File size exceeded. The limit is 5 "
                + "bytes.", ev.finished("drive").error());
    }
}
