package io.tributary.node.extractor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises a Strict Open XML package (ISO/IEC 29500 strict, Word's "Strict Open XML Document"), which POI and
 * so Tika cannot read: its package relationships name the main part with a {@code purl.oclc.org/ooxml} type
 * instead of the transitional {@code schemas.openxmlformats.org} one. Reads only the zip's first entries.
 */
final class StrictOoxml {
    static final String MESSAGE = "the document is Strict Open XML (Strict OOXML), which cannot be read; save it as"
            + " a standard .docx/.xlsx/.pptx";
    private static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    /** Package relationships come first in files Office writes; a few entries are enough to look at. */
    private static final int ENTRIES = 32;
    private static final int MAX_RELS = 64 * 1024;

    private StrictOoxml() {
    }

    static boolean is(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            for (int i = 0; i < ENTRIES && (e = zip.getNextEntry()) != null; i++) {
                if (e.getName().equals("_rels/.rels")) {
                    byte[] rels = zip.readNBytes(MAX_RELS);
                    return new String(rels, StandardCharsets.UTF_8).contains(STRICT_MAIN);
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false; // not a readable zip: the parser says why
        }
    }
}
