package io.tributary.node.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeValidationException;

/** Bad, hostile and oversized files fail the node with a clear reason; nothing hangs. */
class LimitsTest {
    @TempDir
    static Path dir;
    static Extraction x;

    /** Small limits: 2 MB per file, 100 000 characters, 3 PDF pages, 10 s. */
    static final ExtractorLimits SMALL = new ExtractorLimits(2L * 1024 * 1024, 100_000, 3, 0.01, 1024L * 1024 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    @BeforeAll
    static void setUp() {
        x = new Extraction(dir, SMALL);
    }

    @AfterAll
    static void tearDown() {
        x.close();
    }

    private static String failure(String name, String mime, byte[] content) {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> x.text(name, mime, content));
        assertEquals("DocumentExtractorError", e.errorType());
        assertTrue(e.getMessage().startsWith("Failed to extract text from " + name + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertEquals("Failed to extract text from big.txt: the file is larger than the limit of 2097152 bytes",
                failure("big.txt", "text/plain", big));
    }

    @Test
    void aZipBombDocxIsRefused() {
        byte[] bomb = TestDocuments.docxBomb(200);
        assertTrue(bomb.length < 2 * 1024 * 1024, "the bomb is small: " + bomb.length);
        String m = failure("bomb.docx", "", bomb);
        assertTrue(m.contains("zip bomb"), m);
    }

    @Test
    void tooMuchTextIsRefused() {
        byte[] text = new byte[150_000];
        java.util.Arrays.fill(text, (byte) 'a');
        assertEquals("Failed to extract text from long.txt: the text is longer than the limit of 100000 characters",
                failure("long.txt", "text/plain", text));
    }

    @Test
    void tooManyPdfPagesAreRefused() throws Exception {
        assertTrue(x.text("three.pdf", "application/pdf", TestDocuments.pdf(3)).contains("Page 3."));
        assertEquals("Failed to extract text from five.pdf: the document has more than 3 pages (the limit)",
                failure("five.pdf", "application/pdf", TestDocuments.pdf(5)));
    }

    @Test
    void aCorruptPdfFailsCleanly() {
        byte[] pdf = TestDocuments.pdf(1);
        byte[] corrupt = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        failure("broken.pdf", "application/pdf", corrupt);
        failure("garbage.pdf", "application/pdf", TestDocuments.text("%PDF-1.7\nthis is not a PDF at all"));
    }

    @Test
    void encryptedDocumentsFailAsEncrypted() {
        assertEquals("Failed to extract text from secret.pdf: the document is encrypted (password protected)",
                failure("secret.pdf", "application/pdf", TestDocuments.encryptedPdf()));
        assertEquals("Failed to extract text from secret.doc: the document is encrypted (password protected)",
                failure("secret.doc", "application/msword", TestDocuments.tika("testWORD_protected_passtika.doc")));
    }

    @Test
    void aCorruptOfficeFileFailsCleanly() {
        failure("broken.docx", "", TestDocuments.docxWithBrokenXml());
        failure("broken.xls", "", java.util.Arrays.copyOf(TestDocuments.xls(), 1024));
    }

    @Test
    void invalidDataFilesFailWithTheParserReason() {
        assertTrue(failure("bad.json", "", TestDocuments.text("{\"a\":")).contains("Failed to parse JSON file"));
        assertTrue(failure("bad.yaml", "", TestDocuments.text("a: [1, 2")).contains("Failed to parse YAML file"));
    }

    @Test
    void unsupportedTypesAndMissingFilesAreNamed() throws Exception {
        assertEquals("Failed to extract text from movie.mp4: Unsupported file type (MIME type 'video/mp4', "
                + "extension '.mp4')", failure("movie.mp4", "video/mp4", new byte[] {1, 2, 3}));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> x.run(Extraction.file(
                "local_file", "gone.pdf", "application/pdf", Map.of("related_id", "no-such-id"))));
        assertEquals("Failed to extract text from gone.pdf: File is not exist.", e.getMessage());
        e = assertThrows(NodeExecutionException.class, () -> x.run("just a string"));
        assertEquals("Failed to extract text from file: expected a file, got a string", e.getMessage());
        e = assertThrows(NodeExecutionException.class, () -> x.run(null));
        assertEquals("File variable not found for selector: start.file", e.getMessage());
    }

    @Test
    void theSelectorIsValidated() {
        GraphNode node = new GraphNode("x", "document-extractor", null, "", Map.of("variable_selector", "start.file"));
        NodeValidationException e = assertThrows(NodeValidationException.class, () -> x.nodeType.validate(node));
        assertEquals(List.of("node 'x': 'variable_selector' must be a variable selector (a list of at least two "
                + "strings)"), e.problems());
    }

    @Test
    void aParseThatOutlivesTheNodeDeadlineIsAbandoned() throws Exception {
        GraphNode node = new GraphNode("extract", "document-extractor", null, "",
                Map.of("variable_selector", List.of("start", "file")));
        TestContext ctx = new TestContext(node).put("start", "file",
                x.upload("slow.pdf", "application/pdf", TestDocuments.pdf(3)));
        ctx.deadline = java.time.Instant.now().plusMillis(1);
        long t0 = System.nanoTime();
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> x.nodeType.create(node).execute(ctx));
        assertTrue(e.getMessage().startsWith("Failed to extract text from slow.pdf: parsing took longer than"),
                e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "returned at the deadline");
    }

    @Test
    void remoteFilesGoThroughTheSsrfGuard() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/doc.txt", ex -> {
            byte[] body = TestDocuments.txt();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/doc.txt";
        Map<String, Object> file = Extraction.file("remote_url", "doc.txt", "text/plain", Map.of("remote_url", url));
        try (Extraction blocked = new Extraction(dir, SMALL, Extraction.guard(""));
             Extraction allowed = new Extraction(dir, SMALL, Extraction.guard("127.0.0.1"))) {
            NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> blocked.run(file));
            assertTrue(e.getMessage().startsWith("Failed to extract text from doc.txt: ") && e.getMessage()
                    .contains("127.0.0.1"), e.getMessage());
            assertTrue(((String) allowed.run(file).outputs().get("text")).contains(TestDocuments.SENTENCE));
        } finally {
            server.stop(0);
        }
    }
}
