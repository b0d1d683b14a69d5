package io.tributary.node.extractor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Real documents of every supported format, written by the libraries that write them (POI, PDFBox) or by hand,
 * each holding {@link #SENTENCE}. Word 97 {@code .doc} and Outlook {@code .msg}, which nothing here can write,
 * come from Apache Tika's published test documents (the {@code tests} jar of tika-parser-microsoft-module).
 */
final class TestDocuments {
    static final String SENTENCE = "The quick brown fox jumps over the lazy dog";

    private TestDocuments() {
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] txt() {
        return text("Notes\n\n" + SENTENCE + ".\nSecond line.\n");
    }

    /** Latin-1 bytes (not valid UTF-8): decoded by charset detection. */
    static byte[] latin1() {
        return ("Caf\u00e9 cr\u00e8me na\u00efve d\u00e9j\u00e0 vu: " + SENTENCE + ". Le gar\u00e7on a d\u00e9j\u00e0 "
                + "mang\u00e9 la cr\u00e8me br\u00fbl\u00e9e \u00e0 la fran\u00e7aise.").getBytes(Charset.forName("ISO-8859-1"));
    }

    static byte[] markdown() {
        return text("# Title\n\n" + SENTENCE + " in *Markdown*.\n");
    }

    static byte[] html() {
        return text("<!DOCTYPE html><html><head><title>Page title</title><script>var x = 1;</script></head>"
                + "<body><h1>Heading</h1><p>" + SENTENCE + " in <b>HTML</b>.</p>"
                + "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Alice</td><td>30</td></tr></table></body></html>");
    }

    static byte[] xml() {
        return text("<?xml version=\"1.0\"?><doc><p>" + SENTENCE + "</p></doc>");
    }

    static byte[] csv() {
        return text("name,sentence\nfox,\"" + SENTENCE + "\"\ncat,\"has a | pipe\"\n");
    }

    static byte[] json() {
        return text("{\"title\":\"T\",\"sentence\":\"" + SENTENCE + "\",\"n\":[1,2],\"caf\u00e9\":true}");
    }

    static byte[] yaml() {
        return text("title: T\nsentence: " + SENTENCE + "\nlist:\n  - a\n  - b\n---\nsecond: doc\n");
    }

    static byte[] vtt() {
        return text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Alice>" + SENTENCE + "\n\n"
                + "00:00:02.000 --> 00:00:03.000\n<v Alice>and runs away.\n\n"
                + "00:00:03.000 --> 00:00:04.000\n<v Bob>Hello there.\n\n"
                + "cue-4\n00:00:04.000 --> 00:00:05.000\nNo speaker here.\n");
    }

    static byte[] properties() {
        return text("# comment\nsentence = " + SENTENCE + "\nother:value\n! bang comment\nflag\n");
    }

    static byte[] eml() {
        return text("From: Alice <alice@example.com>\r\nTo: Bob <bob@example.com>\r\nSubject: Greetings\r\n"
                + "Date: Mon, 2 Jun 2025 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello Bob,\r\n\r\n" + SENTENCE + ".\r\n");
    }

    static byte[] pdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.beginText();
                    s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    s.newLineAtOffset(72, 700);
                    s.showText(i == 1 ? SENTENCE + "." : "Page " + i + ".");
                    s.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encryptedPdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Report");
            doc.createParagraph().createRun().setText(SENTENCE + " in Word.");
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Name");
            table.getRow(0).getCell(1).setText("Age");
            table.getRow(1).getCell(0).setText("Alice");
            table.getRow(1).getCell(1).setText("30");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx() {
        return workbook(new XSSFWorkbook());
    }

    static byte[] xls() {
        return workbook(new HSSFWorkbook());
    }

    private static byte[] workbook(Workbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Animals");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("animal");
            head.createCell(1).setCellValue("sentence");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("fox");
            row.createCell(1).setCellValue(SENTENCE);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pptx() {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText(SENTENCE + " on a slide.");
            box.setAnchor(new java.awt.geom.Rectangle2D.Double(50, 50, 400, 100));
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ppt() {
        try (HSLFSlideShow show = new HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            HSLFTextBox box = show.createSlide().createTextBox();
            box.setText(SENTENCE + " on an old slide.");
            box.setAnchor(new java.awt.geom.Rectangle2D.Double(50, 50, 400, 100));
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An EPUB 2 book: the stored mimetype entry first, container, package document, one chapter. */
    static byte[] epub() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = text("application/epub+zip");
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mimetype);
            entry(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                    + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
                    + "full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
                    + "</container>");
            entry(zip, "OEBPS/content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" "
                    + "version=\"2.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title>A Book</dc:title><dc:identifier id=\"id\">urn:uuid:1</dc:identifier>"
                    + "<dc:language>en</dc:language></metadata><manifest><item id=\"c1\" href=\"chapter1.xhtml\" "
                    + "media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c1\"/></spine>"
                    + "</package>");
            entry(zip, "OEBPS/chapter1.xhtml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><html "
                    + "xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Chapter 1</title></head><body>"
                    + "<h1>Chapter 1</h1><p>" + SENTENCE + " in a book.</p></body></html>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text(content));
        zip.closeEntry();
    }

    /**
     * A DOCX whose document.xml inflates from a few hundred KB to {@code megabytes} MB of blanks: a zip bomb by
     * ratio.
     */
    static byte[] docxBomb(int megabytes) {
        byte[] docx = docx();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] body = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(body, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<w:body>") + "<w:body>".length();
                    zip.write(text(xml.substring(0, cut) + "<w:p><w:r><w:t xml:space=\"preserve\">"));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < megabytes; i++) {
                        zip.write(blanks);
                    }
                    zip.write(text("</w:t></w:r></w:p>" + xml.substring(cut)));
                } else {
                    zip.write(body);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A DOCX whose document.xml is cut in the middle of an element: corrupt XML inside a valid ZIP. */
    static byte[] docxWithBrokenXml() {
        byte[] docx = docx();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] body = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals("word/document.xml") ? java.util.Arrays.copyOf(body, body.length / 2) : body);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A document from Apache Tika's test documents jar ({@code test-documents/NAME}). */
    static byte[] tika(String name) {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/test-documents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no Tika test document " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
