package io.tributary.node.knowledge.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The File map's derived fields. */
class FileValuesTest {

    @Test
    void fileValuesDeriveExtensionAndType() {
        assertEquals(".pdf", FileValues.extension("A.Report.PDF"));
        assertEquals("", FileValues.extension("README"));
        assertEquals("", FileValues.extension("trailing."));
        assertEquals("document", FileValues.type("application/octet-stream", ".md"));
        assertEquals("document", FileValues.type("text/csv", ""));
        assertEquals("image", FileValues.type("image/png", ".png"));
        assertEquals("audio", FileValues.type("audio/mpeg", ".mp3"));
        assertEquals("video", FileValues.type("video/mp4", ".mp4"));
        assertEquals("custom", FileValues.type("application/zip", ".zip"));
        Map<String, Object> f = FileValues.file("tool_file", "id-1", "x.bin", null, 3);
        assertEquals("application/octet-stream", f.get("mime_type"));
        assertEquals("tool_file", f.get("transfer_method"));
        assertEquals("__dify__file__", f.get("dify_model_identity"));
    }
}
