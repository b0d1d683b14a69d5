package io.tributary.node.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.node.NodeExecutionException;

/** The shipped limits let books and manuals through; a file over them fails alone with a clear reason. */
class LargeDocumentsTest {
    @TempDir
    static Path dir;
    static Extraction x;

    @BeforeAll
    static void setUp() {
        x = new Extraction(dir, ExtractorLimits.defaults());
    }

    @AfterAll
    static void tearDown() {
        x.close();
    }

    @Test
    void theDefaultsAdmitA20MegabyteTextAndA1000PagePdf() throws Exception {
        byte[] line = "All work and no play makes a long manual.\n".getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[20 * 1024 * 1024];
        for (int i = 0; i < text.length; i++) {
            text[i] = line[i % line.length];
        }
        String out = x.text("manual.txt", "text/plain", text);
        assertEquals(text.length, out.length());
        String pdf = x.text("book.pdf", "application/pdf", TestDocuments.pdf(1000));
        assertTrue(pdf.contains("Page 1000."), "the last page is read");
    }

    @Test
    void theDefaultsAdmitA50MegabyteEpub() throws Exception {
        // a book's size is mostly its images: 500 chapters of text and 48 MB of (incompressible) pictures
        byte[] epub = bigEpub(500, 48_000_000);
        assertTrue(epub.length > 48_000_000 && epub.length < 52_428_800, "size " + epub.length);
        String text = x.text("book.epub", "application/epub+zip", epub);
        assertTrue(text.contains("Chapter 500 ends the book."), "the last chapter is read");
    }

    @Test
    void aFileOverTheByteLimitFailsAloneWithTheLimitNamed() {
        byte[] big = new byte[51 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> x.text("huge.txt", "text/plain",
                big));
        assertEquals("Failed to extract text from huge.txt: the file is larger than the limit of 52428800 bytes",
                e.getMessage());
    }

    @Test
    void aStrictOoxmlDocxFailsSayingSo() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> x.text("strict.docx", "",
                strictDocx()));
        assertEquals("DocumentExtractorError", e.errorType());
        assertTrue(e.getMessage().startsWith("Failed to extract text from strict.docx: "), e.getMessage());
        assertTrue(e.getMessage().contains("Strict OOXML"), e.getMessage());
    }

    /** A Word document saved as "Strict Open XML": the ISO 29500 strict namespaces. */
    static byte[] strictDocx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType="
                    + "\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\""
                    + "word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
                    + "purl.oclc.org/ooxml/wordprocessingml/main\" w:conformance=\"strict\"><w:body><w:p><w:r><w:t>"
                    + "Strict text</w:t></w:r></w:p></w:body></w:document>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An EPUB 2 book of {@code chapters} chapters and one stored picture of {@code imageBytes} random bytes. */
    static byte[] bigEpub(int chapters, int imageBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(imageBytes + 1_000_000);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            entry(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:"
                    + "names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" "
                    + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
            StringBuilder manifest = new StringBuilder("<item id=\"img\" href=\"cover.jpg\" media-type=\"image/jpeg\"/>");
            StringBuilder spine = new StringBuilder();
            for (int c = 1; c <= chapters; c++) {
                manifest.append("<item id=\"c").append(c).append("\" href=\"ch").append(c)
                        .append(".xhtml\" media-type=\"application/xhtml+xml\"/>");
                spine.append("<itemref idref=\"c").append(c).append("\"/>");
                entry(zip, "OEBPS/ch" + c + ".xhtml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><html xmlns=\"http://"
                        + "www.w3.org/1999/xhtml\"><head><title>Chapter " + c + "</title></head><body><h1>Chapter " + c
                        + "</h1><p>" + "The traveller crosses the valley and writes a letter home. ".repeat(20) + "</p>"
                        + (c == chapters ? "<p>Chapter " + c + " ends the book.</p>" : "") + "</body></html>");
            }
            entry(zip, "OEBPS/content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" "
                    + "version=\"2.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title>Big</dc:title><dc:identifier id=\"id\">urn:uuid:3</dc:identifier><dc:language>en"
                    + "</dc:language></metadata><manifest>" + manifest + "</manifest><spine>" + spine + "</spine>"
                    + "</package>");
            byte[] image = new byte[imageBytes];
            new java.util.Random(7).nextBytes(image);
            stored(zip, "OEBPS/cover.jpg", image);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
