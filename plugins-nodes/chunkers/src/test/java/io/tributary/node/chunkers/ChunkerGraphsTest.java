package io.tributary.node.chunkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.model.Problem;
import io.tributary.api.engine.RunListener;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.engine.dsl.DslParser;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.node.flow.EndNodeType;
import io.tributary.node.flow.StartNodeType;

/**
 * The chunker tools run as Dify {@code tool} nodes by the real engine from YAML fixtures under
 * {@code src/test/resources/graphs} (real DSL parser, the flow plugin's start/end nodes), with parameters coming
 * from constants, selectors and templates over RAG pipeline variables.
 */
class ChunkerGraphsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEXT = "First  paragraph, mail me at a@b.io.\n\nSecond paragraph with https://x.y/z link."
            + "\n\n\n\nThird.";

    @TempDir
    Path dir;

    private DiskFileStore files;
    private final ToolRegistry registry = new ToolRegistry();
    private WorkflowEngineImpl engine;

    private WorkflowEngineImpl engine() {
        files = new DiskFileStore(dir);
        registry.add("start", null, new StartNodeType()).add("end", null, new EndNodeType())
                .add("tool", GeneralChunkerNodeType.TOOL, new GeneralChunkerNodeType())
                .add("tool", ParentChildChunkerNodeType.TOOL, new ParentChildChunkerNodeType())
                .add("tool", QaChunkNodeType.TOOL, new QaChunkNodeType(files));
        engine = new WorkflowEngineImpl(
                new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 204800, 5, Duration.ofMillis(500)),
                Duration.ofSeconds(5), registry);
        return engine;
    }

    @AfterEach
    void shutdown() {
        if (engine != null) {
            engine.deactivate();
        }
        assertEquals(0, registry.open.get(), "leases left open");
    }

    static DslDocument load(String name) throws Exception {
        try (InputStream in = ChunkerGraphsTest.class.getResourceAsStream("/graphs/" + name + ".yml")) {
            return new DslParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Runs a fixture; returns every event. */
    private List<RunEvent> run(String fixture, RunRequest.Builder request) throws Exception {
        if (engine == null) {
            engine();
        }
        DslDocument doc = load(fixture);
        assertEquals(List.of(), engine.validate(doc.graph()), "validation problems");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        RunListener listener = events::add;
        engine.start(doc.graph(), request.listener(listener).build()).await(WAIT);
        return events;
    }

    static RunFinished end(List<RunEvent> events) {
        return (RunFinished) events.get(events.size() - 1);
    }

    static NodeFinished finished(List<RunEvent> events, String node) {
        return events.stream().filter(e -> e instanceof NodeFinished f && f.nodeId().equals(node))
                .map(NodeFinished.class::cast).findFirst().orElseThrow(() -> new AssertionError(node + ": " + events));
    }

    @Test
    void generalAndParentChildWithParametersFromTemplatesSelectorsAndConstants() throws Exception {
        List<RunEvent> events = run("chunkers", RunRequest.builder().input("text", TEXT)
                .rag("shared", Map.of("delimiter", "\\n\\n", "max_chunk_length", 50, "spaces", true)));
        RunFinished f = end(events);
        assertEquals(RunStatus.SUCCEEDED, f.status(), String.valueOf(f.error()));

        assertEquals(Map.of("general_chunks", List.of("First paragraph, mail me at", "Second paragraph with  link.",
                "Third.")), f.outputs().get("general"));
        assertEquals(Map.of("parent_mode", "paragraph", "parent_child_chunks", List.of(
                pc("First  paragraph, mail me at a@b.io.", "First  paragraph, mail me at a@b.io."),
                pc("Second paragraph with https://x.y/z link.", "Second paragraph with https://x.y/z link."),
                pc("Third.", "Third."))), f.outputs().get("parent"));
        assertEquals(Map.of("parent_mode", "full-doc", "parent_child_chunks", List.of(
                pc(TEXT, "First  paragraph, mail me at a@b.io.", "Second paragraph with https://x.y/z link.",
                        "Third."))), f.outputs().get("fulldoc"));
        assertEquals(50, finished(events, "general").inputs().get("max_chunk_length"));
    }

    @Test
    void aLengthFromAVariableOutsideTheLimitsFailsTheNode() throws Exception {
        List<RunEvent> events = run("chunkers", RunRequest.builder().input("text", TEXT)
                .rag("shared", Map.of("delimiter", "\\n\\n", "max_chunk_length", 4001, "spaces", "false")));
        NodeFinished general = finished(events, "general");
        assertEquals(NodeStatus.FAILED, general.status());
        assertTrue(general.error().contains("Custom segment length should be between 50 and 4000."), general.error());
        assertEquals(RunStatus.FAILED, end(events).status());
    }

    @Test
    void importRejectsBadParametersNamingNodeAndField() throws Exception {
        engine();
        List<Problem> problems = engine.validate(load("invalid").graph());
        String all = problems.toString();
        assertTrue(problems.stream().anyMatch(p -> "tooshort".equals(p.nodeId())
                && p.message().contains("Custom segment length should be between 50 and 4000.")), all);
        assertTrue(problems.stream().anyMatch(p -> "overlap".equals(p.nodeId())
                && p.message().contains("'chunk_overlap_length' is 500: the overlap must be smaller")), all);
        assertTrue(problems.stream().anyMatch(p -> "badtype".equals(p.nodeId())
                && p.message().contains("must be mixed, variable or constant")), all);
        assertTrue(problems.stream().anyMatch(p -> "badtype".equals(p.nodeId())
                && p.message().contains("'parent_mode' must be paragraph or full_doc")), all);
        assertTrue(problems.stream().anyMatch(p -> "noinput".equals(p.nodeId())
                && p.message().contains("'input_file' is required")), all);
    }

    @Test
    void qaFromAStoredGbkCsvWithColumnsByHeaderName() throws Exception {
        engine();
        String csv = "编号,问题,答案\n1,什么是Tributary?,一个引擎\n2,\"多行,问题\",\"第一行\n第二行\"\n3,,没有问题\n";
        UploadFile stored = files.save("faq.csv", "text/csv", "", new ByteArrayInputStream(
                csv.getBytes(Charset.forName("GBK"))), 1 << 20);
        List<RunEvent> events = run("qa", RunRequest.builder().input("csv", file("faq.csv", ".csv", stored.id(), null))
                .rag("shared", Map.of("question", "问题", "answer", "答案")));
        RunFinished f = end(events);
        assertEquals(RunStatus.SUCCEEDED, f.status(), String.valueOf(f.error()));
        assertEquals(Map.of("qa_chunks", List.of(Map.of("question", "什么是Tributary?", "answer", "一个引擎"),
                Map.of("question", "多行,问题", "answer", "第一行\n第二行"))), f.outputs().get("qa"));
    }

    @Test
    void qaFromInlineDataWithColumnsByIndex() throws Exception {
        String csv = "\uFEFFq,a\r\nWhy?,Because.\r\nCafé?,Crème\r\n";
        String data = Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8));
        List<RunEvent> events = run("qa", RunRequest.builder().input("csv", file("x.csv", ".csv", null, data))
                .rag("shared", Map.of("question", "1", "answer", "0")));
        assertEquals(Map.of("qa_chunks", List.of(Map.of("question", "Because.", "answer", "Why?"),
                Map.of("question", "Crème", "answer", "Café?"))), end(events).outputs().get("qa"));
    }

    @Test
    void qaErrors() throws Exception {
        String data = Base64.getEncoder().encodeToString("q,a\nx,y\n".getBytes(StandardCharsets.ISO_8859_1));
        assertQaFails(file("notes.pdf", ".pdf", null, data), "0", "1", "needs a .csv file; 'notes.pdf'");
        assertQaFails(file("x.csv", ".csv", null, data), "question", "a",
                "question_column 'question' is not a column of the CSV; its header is [q, a]");
        assertQaFails(file("x.csv", ".csv", null, data), "0", "2", "answer_column 2 does not exist");
        assertQaFails(file("gone.csv", ".csv", "no-such-id", null), "0", "1", "File is not exist");
    }

    private void assertQaFails(Map<String, Object> file, String q, String a, String message) throws Exception {
        List<RunEvent> events = run("qa", RunRequest.builder().input("csv", file)
                .rag("shared", Map.of("question", q, "answer", a)));
        NodeFinished qa = finished(events, "qa");
        assertEquals(NodeStatus.FAILED, qa.status());
        assertTrue(qa.error().contains(message), qa.error());
    }

    static Map<String, Object> pc(String parent, String... children) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent_content", parent);
        m.put("child_contents", List.of(children));
        return m;
    }

    /** A Dify File map. */
    static Map<String, Object> file(String name, String extension, String relatedId, String data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dify_model_identity", "__dify__file__");
        m.put("type", "document");
        m.put("transfer_method", data == null ? "local_file" : "tool_file");
        m.put("related_id", relatedId);
        m.put("filename", name);
        m.put("extension", extension);
        m.put("mime_type", "text/csv");
        if (data != null) {
            m.put("data", data);
        }
        return m;
    }

}
