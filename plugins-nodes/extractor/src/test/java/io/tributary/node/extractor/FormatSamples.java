package io.tributary.node.extractor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small real files of the formats the extractor reads beyond Office/PDF/HTML: OpenDocument text, spreadsheet and
 * presentation (a minimal valid ODF package written by hand: a stored {@code mimetype} first, {@code content.xml},
 * {@code META-INF/manifest.xml}; nothing on the test class path writes ODF), RTF, reStructuredText, AsciiDoc, TSV,
 * a log, XML, JSON Lines and MHTML. Each carries {@code sentence}.
 */
final class FormatSamples {
    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            + "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
            + "xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\" office:version=\"1.2\"";

    private FormatSamples() {
    }

    static byte[] odt(String sentence) {
        return odf("application/vnd.oasis.opendocument.text",
                "<office:text><text:h>Title</text:h><text:p>" + sentence + "</text:p></office:text>");
    }

    static byte[] ods(String sentence) {
        return odf("application/vnd.oasis.opendocument.spreadsheet", "<office:spreadsheet><table:table "
                + "table:name=\"Sheet1\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>"
                + sentence + "</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>");
    }

    static byte[] odp(String sentence) {
        return odf("application/vnd.oasis.opendocument.presentation", "<office:presentation><draw:page "
                + "draw:name=\"page1\"><draw:frame><draw:text-box><text:p>" + sentence
                + "</text:p></draw:text-box></draw:frame></draw:page></office:presentation>");
    }

    static byte[] rtf(String sentence) {
        return text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24 " + sentence + "\\par}");
    }

    static byte[] rst(String sentence) {
        return text("Title\n=====\n\n" + sentence + "\n\n* a bullet\n");
    }

    static byte[] asciidoc(String sentence) {
        return text("= Title\n\n== Section\n\n" + sentence + "\n");
    }

    static byte[] tsv(String sentence) {
        return text("id\tsentence\n1\t" + sentence + "\n");
    }

    static byte[] log(String sentence) {
        return text("2026-12-04 10:00:00 INFO start\n2026-12-04 10:00:01 INFO " + sentence + "\n");
    }

    static byte[] xml(String sentence) {
        return text("<?xml version=\"1.0\"?>\n<doc><p>" + sentence + "</p></doc>\n");
    }

    static byte[] jsonl(String sentence) {
        return text("{\"id\": 1, \"text\": \"hello\"}\n{\"id\": 2, \"text\": \"" + sentence + "\"}\n");
    }

    static byte[] mhtml(String sentence) {
        return text("From: <Saved by a browser>\r\nSubject: A page\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; type=\"text/html\"; boundary=\"----=_Part_1\"\r\n\r\n"
                + "------=_Part_1\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\nContent-Location: https://example.com/page.html\r\n\r\n"
                + "<html><body><h1>A page</h1><p>" + sentence + "</p></body></html>\r\n"
                + "------=_Part_1--\r\n");
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] odf(String mimeType, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mime = text(mimeType);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mime);
            zip.closeEntry();
            entry(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + NS
                    + "><office:body>" + body + "</office:body></office:document-content>");
            entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimeType + "\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>");
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
}
