package io.tributary.http.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class UploadRulesTest {
    private static final Set<String> EXTRACTOR = Set.of("txt", "md", "pdf", "docx", "csv", "json", "html", "yaml");

    @Test
    void theRefusalListsWhatIsAccepted() {
        assertEquals("File type not allowed. Accepted extensions: odt, pdf.",
                UploadRules.refusal(new java.util.TreeSet<>(Set.of("pdf", "odt"))));
        assertEquals("File type not allowed: no document extractor is installed.", UploadRules.refusal(Set.of()));
        assertFalse(UploadRules.accepted("a.odt", Set.of()));
    }

    @Test
    void documentTypesAreAcceptedByExtensionInAnyCase() {
        for (String n : new String[] {"a.txt", "b.MD", "c.pdf", "d.docx", "e.csv", "f.json", "g.html", "h.yaml"}) {
            assertTrue(UploadRules.accepted(n, EXTRACTOR), n);
        }
        for (String n : new String[] {"a.exe", "b", "c.", "d.png", "e.tar.gz"}) {
            assertFalse(UploadRules.accepted(n, EXTRACTOR), n);
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
