package io.tributary.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.DifyFile;
import io.tributary.api.model.FileTypes;
import io.tributary.api.store.dto.UploadFile;

/** The API's Dify File value and file types, as the app service builds them. */
class DifyFileTest {

    @Test
    void theAllowListFollowsDifysExtensionLists() {
        assertEquals(Optional.of("document"), FileTypes.allowed("pdf"));
        assertEquals(Optional.of("document"), FileTypes.allowed("DOCX"));
        assertEquals(Optional.of("image"), FileTypes.allowed("png"));
        assertEquals(Optional.of("audio"), FileTypes.allowed("mp3"));
        assertEquals(Optional.of("video"), FileTypes.allowed("mp4"));
        for (String refused : List.of("exe", "sh", "bat", "dll", "jar", "zip", "")) {
            assertTrue(FileTypes.allowed(refused).isEmpty(), refused);
        }
        assertEquals("custom", FileTypes.typeOf("zip"));
        assertEquals("tar", FileTypes.extension("a.b.TAR"));
        assertEquals("", FileTypes.extension("README"));
        assertEquals("", FileTypes.extension("trailing."));
    }

    @Test
    void aLocalFileHasDifysFieldsInOrder() {
        UploadFile u = new UploadFile("f1", "a.pdf", 42, "pdf", "application/pdf", "00", "u", Instant.EPOCH);

        Map<String, Object> f = DifyFile.local("document", u.id(), u.name(), u.extension(), u.mimeType(), u.size())
                .toMap();

        assertEquals(List.of("dify_model_identity", "id", "type", "transfer_method", "remote_url", "related_id",
                "filename", "extension", "mime_type", "size", "url"), List.copyOf(f.keySet()));
        assertEquals("__dify__file__", f.get("dify_model_identity"));
        assertEquals("local_file", f.get("transfer_method"));
        assertEquals("f1", f.get("related_id"));
        assertEquals(".pdf", f.get("extension"));
        assertEquals(42L, f.get("size"));
    }

    @Test
    void filesAreFoundAmongOutputs() {
        Map<String, Object> remote = DifyFile.remote("image", "http://h/x.png", "x.png", "png", "image/png").toMap();
        Map<String, Object> outputs = Map.of("one", remote, "many", List.of(remote, "text"), "text", "no file",
                "map", Map.of("dify_model_identity", "other"));

        assertEquals(2, DifyFile.in(outputs).size()); // "one" and the File in "many"
        assertTrue(DifyFile.isFile(remote));
        assertFalse(DifyFile.isFile(Map.of()));
        assertEquals(List.of(), DifyFile.in(null));
    }

    @Test
    void aFileMapReadsBackAsTheSameValue() {
        DifyFile f = DifyFile.local("document", "f1", "a.pdf", "pdf", "application/pdf", 42);
        assertEquals(Optional.of(f), DifyFile.from(f.toMap()));
        assertEquals(Optional.empty(), DifyFile.from(Map.of("dify_model_identity", "other")));
        assertEquals(Optional.empty(), DifyFile.from("a.pdf"));
        assertEquals(-1, DifyFile.from(Map.of("filename", "x")).orElseThrow().size());
    }
}
