package io.tributary.node.extractor;

import static io.tributary.node.extractor.TestDocuments.SENTENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.engine.dsl.DslParser;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;
import io.tributary.node.flow.EndNodeType;
import io.tributary.node.flow.StartNodeType;

/**
 * The node in a graph: a YAML fixture read by the real {@link DslParser}, run by the real engine with the real
 * start and end nodes of the flow plugin; files come in as the start node's file inputs.
 */
class ExtractorGraphTest {
    @TempDir
    Path dir;
    Extraction x;
    WorkflowEngineImpl engine;

    @BeforeEach
    void setUp() {
        x = new Extraction(dir, ExtractorLimits.defaults());
        engine = new WorkflowEngineImpl(
                new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 204800, 5, Duration.ofMillis(500)),
                Duration.ofSeconds(5), registry(Map.of("start", new StartNodeType(), "end", new EndNodeType(),
                        "document-extractor", x.nodeType)));
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
        x.close();
    }

    private RunFinished run(Map<String, Object> inputs) throws Exception {
        return run("/graphs/extract-files.yml", inputs);
    }

    private RunFinished run(String graph, Map<String, Object> inputs) throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream(graph)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DslDocument doc = new DslParser().parse(yaml);
        assertEquals(List.of(), engine.validate(doc.graph()));
        return engine.start(doc.graph(), RunRequest.builder().inputs(inputs).build()).await(Duration.ofSeconds(60));
    }

    @Test
    void extractsAFileAndAFileListThroughTheEngine() throws Exception {
        RunFinished f = run(Map.of(
                "doc", x.upload("paper.pdf", "application/pdf", TestDocuments.pdf(1)),
                "docs", List.of(x.upload("report.docx", "", TestDocuments.docx()),
                        x.upload("book.xlsx", "", TestDocuments.xlsx()))));
        assertEquals(RunStatus.SUCCEEDED, f.status(), f.error());
        assertEquals(SENTENCE + ".", f.outputs().get("text"));
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) f.outputs().get("texts");
        assertEquals(2, texts.size());
        assertTrue(texts.get(0).contains(SENTENCE + " in Word."), texts.get(0));
        assertTrue(texts.get(1).contains("| fox | " + SENTENCE + " |"), texts.get(1));
    }

    @Test
    void aFileThatCannotBeReadFailsTheRunWithTheReason() throws Exception {
        RunFinished f = run(Map.of(
                "doc", x.upload("broken.pdf", "application/pdf", TestDocuments.text("%PDF-1.7 nonsense")),
                "docs", List.of()));
        assertEquals(RunStatus.FAILED, f.status());
        assertTrue(f.error().startsWith("Failed to extract text from broken.pdf: "), f.error());
    }

    @Test
    void difysExtractorToolRunsAsDifysTemplatesWriteIt() throws Exception {
        try (DifyExtractorNodeType tool = new DifyExtractorNodeType(ExtractorLimits.defaults(), x.store,
                Extraction.guard(""))) {
            engine.deactivate();
            InMemoryNodeTypeRegistry types = registry(Map.of("start", new StartNodeType(), "end", new EndNodeType()));
            types.add(new NodeTypeInfo("tool", DifyExtractorNodeType.TOOL, "1.0.0", 1, "test", "1.0.0"), tool);
            engine = new WorkflowEngineImpl(new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10,
                    204800, 5, Duration.ofMillis(500)), Duration.ofSeconds(5), types);
            RunFinished f = run("/graphs/dify-extractor.yml",
                    Map.of("doc", x.upload("report.docx", "", TestDocuments.docx())));
            assertEquals(RunStatus.SUCCEEDED, f.status(), f.error());
            String text = (String) f.outputs().get("text");
            assertTrue(text.contains(SENTENCE + " in Word."), text);
            assertEquals(List.of(Map.of("page_content", text, "metadata", Map.of("source", "report.docx"))),
                    f.outputs().get("documents"));
        }
    }

    /** The graph's node types, each at 1.0.0 from one test bundle. */
    private static InMemoryNodeTypeRegistry registry(Map<String, NodeType> types) {
        InMemoryNodeTypeRegistry r = new InMemoryNodeTypeRegistry();
        types.forEach((type, nodeType) -> r.add(new NodeTypeInfo(type, null, "1.0.0", 1, "test", "1.0.0"), nodeType));
        return r;
    }
}
