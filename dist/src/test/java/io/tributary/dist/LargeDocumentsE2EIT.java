package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #11 "Size" (and #10 item 4): real-size documents through the distribution's knowledge pipeline (upload →
 * extract → general chunker → economy index), with the distribution's default heap. Each document ends
 * {@code completed} with segments, and retrieval finds a sentence from late in it: the attack pass's 1.6 MB text
 * and 1.3 MB PDF, a 20 MB text, a 1,000-page PDF, the corpus' 240-page book and EPUB, a 500-chapter EPUB. Files
 * without text, encrypted or over a limit end {@code error} with the reason. Prints each document's time and the
 * server's peak RSS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeDocumentsE2EIT {
    /** Above the 20 MB text; the shipped default (Dify's 15 MB) is kept. */
    static final long UPLOAD_LIMIT = 64L * 1024 * 1024;
    /** {@code ../shared/corpus} beside the project (set by the build; from {@code dist/} when run by hand). */
    static final Path CORPUS = Paths.get(System.getProperty("tributary.corpus.dir", "../../shared/corpus"));

    Distribution dist;
    Http http;
    String admin;
    String datasetId;
    String key;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dist = new Distribution(dir);
        dist.env.put("TRIBUTARY_HTTP_UPLOAD_MAX_BYTES", Long.toString(UPLOAD_LIMIT));
        dist.start();
        http = new Http(dist.baseUrl());
        admin = Files.readString(dist.dataDir().resolve("admin.token")).trim();
        PublishedDataset dataset = PublishedDataset.create(http, admin, "/pipelines/economy.yml");
        datasetId = dataset.id();
        key = dataset.key();
    }

    @AfterAll
    void stop() throws Exception {
        if (dist != null) {
            System.out.println("server peak RSS (VmHWM): " + peakRss());
            dist.close();
        }
    }

    private String peakRss() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + dist.processHandle().pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
        return "unknown";
    }

    /** Uploads and ingests one file (chunks of up to 1,000 characters); returns the document's final status. */
    private JsonNode ingest(String name, String type, byte[] content) throws Exception {
        long t0 = System.nanoTime();
        Multipart m = new Multipart().file("file", name, type, content);
        Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
        assertEquals(201, up.status(), up.raw().body());
        Map<String, Object> body = new LinkedHashMap<>(DatasetApiE2EIT.runBody(true, "blocking",
                List.of(Map.of("reference", up.json().get("id").asText(), "name", name))));
        body.put("inputs", Map.of("max_chunk_length", 1000));
        Http.Response run = http.post("/v1/datasets/" + datasetId + "/pipeline/run", key, "application/json",
                Http.JSON.writeValueAsBytes(body));
        assertEquals(200, run.status(), run.raw().body());
        String batch = run.json().get("batch").asText();
        JsonNode status = DatasetApiE2EIT.awaitBatch(http, key, datasetId, batch, Duration.ofMinutes(10));
        JsonNode doc = status.get("data").get(0);
        System.out.printf("%s (%.1f MB): %s, %d segments, %d ms; RSS peak so far %s%n", name,
                content.length / 1048576.0, doc.get("indexing_status").asText(), doc.get("total_segments").asLong(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), peakRss());
        return doc;
    }

    /** Ingests a file that must complete, then retrieves {@code sentence} from it. */
    private void ingestAndFind(String name, String type, byte[] content, String query, String sentence)
            throws Exception {
        JsonNode doc = ingest(name, type, content);
        assertEquals("completed", doc.get("indexing_status").asText(), doc.toString());
        assertTrue(doc.get("total_segments").asLong() > 0, doc.toString());
        String docId = doc.get("id").asText();
        Http.Response hits = http.post("/v1/datasets/" + datasetId + "/retrieve", key, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("query", query, "retrieval_model", Map.of("search_method",
                        "full_text_search", "reranking_enable", false, "top_k", 5, "score_threshold_enabled", false))));
        assertEquals(200, hits.status(), hits.raw().body());
        boolean found = false;
        for (JsonNode r : hits.json().get("records")) {
            JsonNode seg = r.get("segment");
            String content2 = seg.get("content").asText().replaceAll("\\s+", " ");
            found |= seg.get("document_id").asText().equals(docId) && content2.contains(sentence);
        }
        assertTrue(found, "'" + sentence + "' not retrieved from " + name + ": " + hits.raw().body());
    }

    private void ingestAndFail(String name, String type, byte[] content, String reason) throws Exception {
        JsonNode doc = ingest(name, type, content);
        assertEquals("error", doc.get("indexing_status").asText(), doc.toString());
        assertTrue(doc.get("error").asText().contains(reason), doc.toString());
    }

    @Test
    @Order(1)
    void theAttackPassesSizesIngest() throws Exception {
        ingestAndFind("attack.txt", "text/plain", text(1_600_000, "The quartermaster Belisandro stamps the"
                + " last ledger of the harbour."), "Belisandro quartermaster ledger", "Belisandro stamps the last"
                + " ledger");
        byte[] pdf = pdf(340, false, "The cartographer Ombrelline inks the final coastline.");
        assertTrue(pdf.length > 1_250_000, "a PDF of about 1.3 MB: " + pdf.length);
        ingestAndFind("attack.pdf", "application/pdf", pdf, "Ombrelline cartographer coastline",
                "Ombrelline inks the final coastline");
    }

    @Test
    @Order(2)
    void aTwentyMegabyteTextIngests() throws Exception {
        ingestAndFind("manual.txt", "text/plain", text(20 * 1024 * 1024, "The archivist Thessalonde seals the"
                + " twentieth volume at midnight."), "Thessalonde archivist twentieth volume",
                "Thessalonde seals the twentieth volume");
    }

    @Test
    @Order(3)
    void aThousandPagePdfIngests() throws Exception {
        ingestAndFind("thousand.pdf", "application/pdf", pdf(1000, true, "The lamplighter Quorvendel trims the"
                + " thousandth wick."), "Quorvendel lamplighter thousandth wick", "Quorvendel trims the thousandth");
    }

    @Test
    @Order(4)
    void theCorpusBookAndEpubIngest() throws Exception {
        ingestAndFind("thinkpython.pdf", "application/pdf", Files.readAllBytes(CORPUS.resolve("thinkpython.pdf")),
                "Wobbler Tagger steer Turtles tag", "Tagger");
        ingestAndFind("normandy.epub", "application/epub+zip", Files.readAllBytes(CORPUS.resolve("normandy.epub")),
                "theft of grain by crows window-pane sea-bird", "the theft of grain by crows");
    }

    @Test
    @Order(5)
    void aFiveHundredChapterEpubIngests() throws Exception {
        ingestAndFind("chapters.epub", "application/epub+zip", epub(500, "The bellringer Ysmerault rings the"
                + " five hundredth hour."), "Ysmerault bellringer hundredth hour", "Ysmerault rings the five hundredth");
    }

    @Test
    @Order(6)
    void documentsWithoutTextOrEncryptedEndInErrorWithTheReason() throws Exception {
        ingestAndFail("blank.pdf", "application/pdf", blankPdf(false), "Chunks is required.");
        ingestAndFail("empty.txt", "text/plain", new byte[0], "Chunks is required.");
        ingestAndFail("secret.pdf", "application/pdf", blankPdf(true), "encrypted");
    }

    @Test
    @Order(7)
    void aDocumentOverALimitFailsAloneAndTheRestOfItsBatchCompletes() throws Exception {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (Map.Entry<String, byte[]> f : Map.of("pages.pdf", pdf(2001, true, "Too long."), "small.txt",
                text(5_000, "A small note.")).entrySet()) {
            Multipart m = new Multipart().file("file", f.getKey(), f.getKey().endsWith(".pdf") ? "application/pdf"
                    : "text/plain", f.getValue());
            Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
            assertEquals(201, up.status(), up.raw().body());
            items.add(Map.of("reference", up.json().get("id").asText(), "name", f.getKey()));
        }
        Http.Response run = http.post("/v1/datasets/" + datasetId + "/pipeline/run", key, "application/json",
                Http.JSON.writeValueAsBytes(DatasetApiE2EIT.runBody(true, "blocking", items)));
        assertEquals(200, run.status(), run.raw().body());
        JsonNode status = DatasetApiE2EIT.awaitBatch(http, key, datasetId, run.json().get("batch").asText(),
                Duration.ofMinutes(5));
        Map<String, String> names = new java.util.HashMap<>();
        for (JsonNode d : run.json().get("documents")) {
            names.put(d.get("id").asText(), d.get("name").asText());
        }
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode d : status.get("data")) {
            byName.put(names.get(d.get("id").asText()), d);
        }
        JsonNode pages = byName.get("pages.pdf");
        assertEquals("error", pages.get("indexing_status").asText(), status.toString());
        assertTrue(pages.get("error").asText().contains("more than 2000 pages"), pages.toString());
        assertEquals("completed", byName.get("small.txt").get("indexing_status").asText(), status.toString());
    }

    // ---- generated documents -----------------------------------------------------------------------------------

    /**
     * About {@code bytes} of paragraphs of about 900 characters (the general chunker keeps each paragraph as one
     * segment, as Dify's does), ending with {@code last}.
     */
    static byte[] text(int bytes, String last) {
        StringBuilder sb = new StringBuilder(bytes + 200);
        String[] words = {"river", "meadow", "lantern", "harbour", "orchard", "granite", "willow", "compass"};
        for (int p = 0; sb.length() < bytes - last.length() - 2; p++) {
            sb.append("Paragraph ").append(p).append('.');
            for (int i = 0; i < 8; i++) {
                sb.append(" The ").append(words[(p + i) % words.length])
                        .append(" keeper writes the daily report about the weather, the tides and the boats.");
            }
            sb.append("\n\n");
        }
        sb.append(last).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A PDF of {@code pages} pages of 40 lines each; the last page ends with {@code last}. */
    static byte[] pdf(int pages, boolean compress, String last) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                        compress)) {
                    s.beginText();
                    s.setFont(font, 9);
                    s.setLeading(11);
                    s.newLineAtOffset(40, 740);
                    for (int l = 0; l < 40; l++) {
                        s.showText("Page " + i + ", line " + l + ": the surveyor notes the height of the hills"
                                + " and the depth of the valleys.");
                        s.newLine();
                    }
                    if (i == pages) {
                        s.newLine();
                        s.showText(last);
                    }
                    s.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF without text, encrypted with a user password when asked. */
    static byte[] blankPdf(boolean encrypted) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** An EPUB 2 book of {@code chapters} chapters; the last ends with {@code last}. */
    static byte[] epub(int chapters, String last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mimetype);
            entry(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:"
                    + "names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" "
                    + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
            StringBuilder manifest = new StringBuilder();
            StringBuilder spine = new StringBuilder();
            for (int c = 1; c <= chapters; c++) {
                manifest.append("<item id=\"c").append(c).append("\" href=\"ch").append(c)
                        .append(".xhtml\" media-type=\"application/xhtml+xml\"/>");
                spine.append("<itemref idref=\"c").append(c).append("\"/>");
                StringBuilder body = new StringBuilder();
                for (int p = 0; p < 8; p++) {
                    body.append("<p>Chapter ").append(c).append(", paragraph ").append(p)
                            .append(": the traveller crosses the valley and writes a letter home.</p>");
                }
                if (c == chapters) {
                    body.append("<p>").append(last).append("</p>");
                }
                entry(zip, "OEBPS/ch" + c + ".xhtml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><html xmlns=\"http://"
                        + "www.w3.org/1999/xhtml\"><head><title>Chapter " + c + "</title></head><body><h1>Chapter " + c
                        + "</h1>" + body + "</body></html>");
            }
            entry(zip, "OEBPS/content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" "
                    + "version=\"2.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title>Chapters</dc:title><dc:identifier id=\"id\">urn:uuid:2</dc:identifier><dc:language>en"
                    + "</dc:language></metadata><manifest>" + manifest + "</manifest><spine>" + spine + "</spine>"
                    + "</package>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
