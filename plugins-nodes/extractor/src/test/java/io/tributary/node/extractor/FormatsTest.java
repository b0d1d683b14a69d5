package io.tributary.node.extractor;

import static io.tributary.node.extractor.TestDocuments.SENTENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every supported format, from a real file, yields its known sentence; text and data formats as Dify renders them. */
class FormatsTest {
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

    static Stream<Arguments> documents() {
        return Stream.of(
                doc("notes.txt", "text/plain", TestDocuments::txt, SENTENCE),
                doc("readme.md", "text/markdown", TestDocuments::markdown, SENTENCE + " in *Markdown*."),
                doc("page.html", "text/html", TestDocuments::html, SENTENCE + " in HTML."),
                doc("data.xml", "application/xml", TestDocuments::xml, "<p>" + SENTENCE + "</p>"),
                doc("paper.pdf", "application/pdf", () -> TestDocuments.pdf(2), SENTENCE),
                doc("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        TestDocuments::docx, SENTENCE + " in Word."),
                doc("old.doc", "application/msword", () -> TestDocuments.tika("testWORD.doc"),
                        "Sample Word Document Title"),
                doc("table.csv", "text/csv", TestDocuments::csv, "| fox | " + SENTENCE + " |"),
                doc("book.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        TestDocuments::xlsx, "| fox | " + SENTENCE + " |"),
                doc("book.xls", "application/vnd.ms-excel", TestDocuments::xls, "| fox | " + SENTENCE + " |"),
                doc("slides.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        TestDocuments::pptx, SENTENCE + " on a slide."),
                doc("slides.ppt", "application/vnd.ms-powerpoint", TestDocuments::ppt, SENTENCE + " on an old slide."),
                doc("book.epub", "application/epub+zip", TestDocuments::epub, SENTENCE + " in a book."),
                doc("mail.eml", "message/rfc822", TestDocuments::eml, SENTENCE + "."),
                doc("mail.msg", "application/vnd.ms-outlook", () -> TestDocuments.tika("testMSG.msg"),
                        "As discussed, I've been working on making the type detection code more"),
                doc("data.json", "application/json", TestDocuments::json, "\"sentence\": \"" + SENTENCE + "\""),
                doc("data.yaml", "application/x-yaml", TestDocuments::yaml, "sentence: " + SENTENCE),
                doc("talk.vtt", "text/vtt", TestDocuments::vtt, "Alice \"" + SENTENCE + " and runs away.\""),
                doc("app.properties", "text/x-java-properties", TestDocuments::properties, "sentence: " + SENTENCE),
                doc("letter.odt", "application/vnd.oasis.opendocument.text", () -> FormatSamples.odt(SENTENCE),
                        SENTENCE),
                doc("sheet.ods", "application/vnd.oasis.opendocument.spreadsheet", () -> FormatSamples.ods(SENTENCE),
                        SENTENCE),
                doc("deck.odp", "application/vnd.oasis.opendocument.presentation", () -> FormatSamples.odp(SENTENCE),
                        SENTENCE),
                doc("letter.rtf", "application/rtf", () -> FormatSamples.rtf(SENTENCE), SENTENCE),
                doc("guide.rst", "text/x-rst", () -> FormatSamples.rst(SENTENCE), SENTENCE),
                doc("guide.adoc", "text/x-asciidoc", () -> FormatSamples.asciidoc(SENTENCE), SENTENCE),
                doc("table.tsv", "text/tab-separated-values", () -> FormatSamples.tsv(SENTENCE),
                        "| 1 | " + SENTENCE + " |"),
                doc("server.log", "text/plain", () -> FormatSamples.log(SENTENCE), SENTENCE),
                doc("feed.jsonl", "application/jsonl", () -> FormatSamples.jsonl(SENTENCE), SENTENCE),
                doc("page.mhtml", "multipart/related", () -> FormatSamples.mhtml(SENTENCE), SENTENCE));
    }

    private static Arguments doc(String name, String mime, Supplier<byte[]> content, String expected) {
        return Arguments.of(name, mime, content, expected);
    }

    @Test
    void theFormatsPublishedForUploadAreTheTable() {
        java.util.Set<String> ext = new ExtractorFormats().extensions();
        for (String e : new String[] {"odt", "ods", "odp", "rtf", "rst", "adoc", "tsv", "log", "xml", "jsonl",
                "mhtml", "pdf", "docx", "epub"}) {
            assertTrue(ext.contains(e), e);
        }
        assertTrue(!ext.contains("png") && !ext.contains("jpg"), "no OCR, no images: " + ext);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void extractsTheKnownSentence(String name, String mime, Supplier<byte[]> content, String expected) throws Exception {
        String text = x.text(name, mime, content.get());
        assertTrue(text.contains(expected), name + " text does not contain '" + expected + "':\n" + text);
    }

    @ParameterizedTest(name = "{0} by extension")
    @MethodSource("documents")
    void dispatchesByExtensionWhenTheMimeTypeIsGeneric(String name, String mime, Supplier<byte[]> content,
                                                       String expected) throws Exception {
        String text = x.text(name, "application/octet-stream", content.get());
        assertTrue(text.contains(expected), name + " text does not contain '" + expected + "':\n" + text);
    }

    @Test
    void spreadsheetsAndWordTablesBecomeMarkdownTables() throws Exception {
        assertEquals("| animal | sentence |\n| --- | --- |\n| fox | " + SENTENCE + " |",
                x.text("book.xlsx", "", TestDocuments.xlsx()).replaceAll("(?s)^.*?(\\| animal)", "$1").strip());
        assertTrue(x.text("report.docx", "", TestDocuments.docx()).contains("| Name | Age |\n| --- | --- |\n| Alice | 30 |"));
        assertEquals("| name | sentence |\n| --- | --- |\n| fox | " + SENTENCE + " |\n| cat | has a \\| pipe |",
                x.text("t.csv", "text/csv", TestDocuments.csv()));
    }

    @Test
    void htmlBecomesTextWithoutScriptsOrHead() throws Exception {
        String text = x.text("page.html", "text/html", TestDocuments.html());
        assertTrue(text.startsWith("Heading\n"), text);
        assertTrue(!text.contains("var x") && !text.contains("Page title"), text);
    }

    @Test
    void plainTextIsDecodedWithCharsetDetection() throws Exception {
        String text = x.text("latin1.txt", "text/plain", TestDocuments.latin1());
        assertTrue(text.startsWith("Caf\u00e9 cr\u00e8me na\u00efve d\u00e9j\u00e0 vu: " + SENTENCE), text);
    }

    @Test
    void dataFormatsAreRenderedAsDifyDoes() throws Exception {
        assertEquals("{\n  \"title\": \"T\",\n  \"sentence\": \"" + SENTENCE + "\",\n  \"n\": [\n    1,\n    2\n  ],\n"
                + "  \"caf\u00e9\": true\n}", x.text("d.json", "application/json", TestDocuments.json()));
        assertEquals("title: T\nsentence: " + SENTENCE + "\nlist:\n- a\n- b\n---\nsecond: doc\n",
                x.text("d.yml", "", TestDocuments.yaml()));
        assertEquals("# comment\nsentence: " + SENTENCE + "\nother: value\n! bang comment\nflag: \n",
                x.text("a.properties", "", TestDocuments.properties()));
        assertEquals("Alice \"" + SENTENCE + " and runs away.\"\nBob \"Hello there.\"\n\"No speaker here.\"",
                x.text("t.vtt", "text/vtt", TestDocuments.vtt()));
    }

    @Test
    void aListOfFilesGivesAListOfTexts() throws Exception {
        Object out = x.run(java.util.List.of(x.upload("a.txt", "text/plain", TestDocuments.text("first")),
                x.upload("b.md", "", TestDocuments.text("second")))).outputs().get("text");
        assertEquals(java.util.List.of("first", "second"), out);
    }

    @Test
    void toolFilesWithInlineDataAreRead() throws Exception {
        var file = Extraction.file("tool_file", "inline.txt", "text/plain",
                java.util.Map.of("data", java.util.Base64.getEncoder().encodeToString(TestDocuments.txt())));
        assertTrue(((String) x.run(file).outputs().get("text")).contains(SENTENCE));
    }

    @Test
    void tikaFindsItsParsersThroughThisBundlesLoader() {
        assertTrue(new TikaParsers(ExtractorLimits.defaults()).parserCount() > 20);
    }
}
