package io.tributary.http.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UploadRulesTest {
    @Test
    void documentTypesAreAcceptedByExtensionInAnyCase() {
        for (String n : new String[] {"a.txt", "b.MD", "c.pdf", "d.docx", "e.csv", "f.json", "g.html", "h.yaml"}) {
            assertTrue(UploadRules.accepted(n), n);
        }
        for (String n : new String[] {"a.exe", "b", "c.", "d.png", "e.tar.gz"}) {
            assertFalse(UploadRules.accepted(n), n);
        }
    }

    @Test
    void clientPathsAreStripped() {
        assertEquals("a.pdf", UploadRules.baseName("C:\\docs\\a.pdf"));
        assertEquals("a.pdf", UploadRules.baseName("../../a.pdf"));
        assertEquals("", UploadRules.baseName("dir/"));
        assertEquals("pdf", UploadRules.extension("x.PDF"));
    }
}
