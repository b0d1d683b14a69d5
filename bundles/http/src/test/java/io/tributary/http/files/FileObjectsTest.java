package io.tributary.http.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.UploadFile;

class FileObjectsTest {

    @Test
    void theAllowListFollowsDifysExtensionLists() {
        assertEquals(Optional.of("document"), UploadTypes.allowed("pdf"));
        assertEquals(Optional.of("document"), UploadTypes.allowed("DOCX"));
        assertEquals(Optional.of("image"), UploadTypes.allowed("png"));
        assertEquals(Optional.of("audio"), UploadTypes.allowed("mp3"));
        assertEquals(Optional.of("video"), UploadTypes.allowed("mp4"));
        for (String refused : List.of("exe", "sh", "bat", "dll", "jar", "zip", "")) {
            assertTrue(UploadTypes.allowed(refused).isEmpty(), refused);
        }
        assertEquals("custom", UploadTypes.typeOf("zip"));
        assertEquals("tar", UploadTypes.extension("a.b.TAR"));
        assertEquals("", UploadTypes.extension("README"));
        assertEquals("", UploadTypes.extension("trailing."));
    }

    @Test
    void aLocalFileHasDifysFieldsInOrder() {
        UploadFile u = new UploadFile("f1", "a.pdf", 42, "pdf", "application/pdf", "00", "u", Instant.EPOCH);

        Map<String, Object> f = FileObjects.local("document", u);

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
        Map<String, Object> remote = FileObjects.remote("image", "http://h/x.png", "x.png", "png", "image/png");
        Map<String, Object> outputs = Map.of("one", remote, "many", List.of(remote, "text"), "text", "no file",
                "map", Map.of("dify_model_identity", "other"));

        assertEquals(2, FileObjects.in(outputs).size()); // "one" and the File in "many"
        assertTrue(FileObjects.isFile(remote));
        assertFalse(FileObjects.isFile(Map.of()));
        assertEquals(List.of(), FileObjects.in(null));
    }
}
