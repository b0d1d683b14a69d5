package io.tributary.node.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;
import io.tributary.node.knowledge.Events;
import io.tributary.node.knowledge.PipelineTest;

/**
 * The knowledge-index node on the real engine in debugger runs (Dify's format_preview, nothing written), its chunk
 * shape checks, validation, and the production-mode checks that need no store.
 */
class KnowledgeIndexPreviewTest extends PipelineTest {
    static final Map<String, Object> PAGE = Map.of("source_url", "https://example.org", "content", "text");

    private Events preview(String structure, Object chunks) throws Exception {
        return runYaml(yaml("index").replace("chunk_structure: text_model", "chunk_structure: " + structure),
                debugger("ds-1", "website_crawl", PAGE).andThen(b -> b.rag("shared", Map.of("chunks", chunks))));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> outputs(Events ev) {
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        Map<String, Object> out = new LinkedHashMap<>(ev.finished("index").outputs());
        out.computeIfPresent("total_segments", (k, v) -> ((Number) v).intValue());
        return out;
    }

    @Test
    void generalChunksPreviewStrippedWithoutEmpties() throws Exception {
        Map<String, Object> expected = map("chunk_structure", "text_model", "preview",
                List.of(map("content", "first chunk"), map("content", "second chunk")), "total_segments", 2);
        // the chunker plugin's plain list
        assertEquals(expected, outputs(preview("text_model", List.of("  first chunk\n", "", " \n\t", "second chunk"))));
        // the declared output schema {general_chunks: [...]}, strings and {content, files} objects
        assertEquals(expected, outputs(preview("text_model", Map.of("general_chunks", List.of("first chunk",
                map("content", "second chunk  ", "files", List.of()))))));
    }

    @Test
    void parentChildPreviewKeepsParentModeAndChildren() throws Exception {
        Object chunks = map("parent_child_chunks", List.of(
                map("parent_content", " Parent one. ", "child_contents", List.of("Child a.", " ", "Child b. ")),
                map("parent_content", "\n", "child_contents", List.of("orphan")),
                map("parent_content", "Parent two.", "child_contents", List.of())), "parent_mode", "full-doc");
        assertEquals(map("chunk_structure", "hierarchical_model", "parent_mode", "full-doc", "preview", List.of(
                map("content", "Parent one.", "child_chunks", List.of("Child a.", "Child b.")),
                map("content", "Parent two.", "child_chunks", List.of())), "total_segments", 2),
                outputs(preview("hierarchical_model", chunks)));
    }

    @Test
    void qaPreview() throws Exception {
        Object chunks = map("qa_chunks", List.of(map("question", "What is it? ", "answer", " A river."),
                map("question", " ", "answer", "dropped")));
        Events ev = preview("qa_model", chunks);
        assertEquals(map("chunk_structure", "qa_model", "qa_preview", List.of(map("question", "What is it?",
                "answer", "A river.")), "total_segments", 1), outputs(ev));
        assertEquals(ev.finished("index").outputs(), ev.end().outputs(), "the preview is the run's outputs");
    }

    @Test
    void emptyChunksAreRequired() throws Exception {
        for (Object empty : List.of(List.of(), Map.of(), Map.of("general_chunks", List.of()), "  ")) {
            Events ev = preview("text_model", empty);
            assertEquals(RunStatus.FAILED, ev.end().status(), String.valueOf(empty));
            NodeFinished f = ev.finished("index");
            assertEquals("Chunks is required.", f.error());
            assertEquals("KnowledgeIndexNodeError", f.errorType());
        }
        // a selector that names nothing
        Events ev = runYaml(yaml("index"), debugger("ds-1", "website_crawl", PAGE));
        assertEquals("Chunks is required.", ev.finished("index").error());
    }

    @Test
    void chunksOfAnotherStructureAreRefused() throws Exception {
        Events ev = preview("hierarchical_model", List.of("a general chunk"));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Chunk structure mismatch: the knowledge base expects hierarchical_model (parent_child_chunks) "
                + "but the chunks are text_model (general_chunks).", ev.finished("index").error());
        ev = preview("text_model", Map.of("qa_chunks", List.of(Map.of("question", "q", "answer", "a"))));
        assertEquals("Chunk structure mismatch: the knowledge base expects text_model (general_chunks) "
                + "but the chunks are qa_model (qa_chunks).", ev.finished("index").error());
    }

    @Test
    void malformedChunksSayWhatWasExpected() throws Exception {
        assertEquals("Chunks must be a list of strings or an object with general_chunks, parent_child_chunks or "
                + "qa_chunks, not an object with keys [chunks]", preview("text_model", Map.of("chunks", List.of("x")))
                .finished("index").error());
        assertEquals("chunks[1] must be a string or an object with content, not a number",
                preview("text_model", List.of("ok", 5)).finished("index").error());
        assertEquals("parent_child_chunks[0].child_contents must be a list of strings, not a number",
                preview("hierarchical_model", Map.of("parent_child_chunks", List.of(Map.of("parent_content", "p",
                        "child_contents", List.of(1)))))
                .finished("index").error());
        assertEquals("qa_chunks[0] must be an object with question and answer",
                preview("qa_model", Map.of("qa_chunks", List.of("q")))
                .finished("index").error());
        assertEquals("parent_mode 'chapter' is not paragraph or full-doc", preview("hierarchical_model",
                Map.of("parent_child_chunks", List.of(Map.of("parent_content", "p")), "parent_mode", "chapter"))
                .finished("index").error());
    }

    @Test
    void aDatasetIdIsRequired() throws Exception {
        Events ev = runYaml(yaml("index"), b -> b.system("datasource_type", "website_crawl")
                .system("datasource_info", PAGE).system("invoke_from", "debugger")
                .rag("shared", Map.of("chunks", List.of("x"))));
        assertEquals("Dataset ID is required.", ev.finished("index").error());
    }

    @Test
    void productionRunsNeedADocumentABatchAndTheServices() throws Exception {
        Map<String, Object> chunks = Map.of("chunks", List.of("x"));
        Events ev = runYaml(yaml("index"), published("ds-1", null, "b1", "website_crawl", PAGE)
                .andThen(b -> b.rag("shared", chunks)));
        assertEquals("Document ID is required.", ev.finished("index").error());
        ev = runYaml(yaml("index"), published("ds-1", "doc-1", null, "website_crawl", PAGE)
                .andThen(b -> b.rag("shared", chunks)));
        assertEquals("Batch is required.", ev.finished("index").error());
        ev = runYaml(yaml("index"), published("ds-1", "doc-1", "b1", "website_crawl", PAGE)
                .andThen(b -> b.rag("shared", chunks)));
        assertEquals("The dataset store is not available.", ev.finished("index").error());
    }

    @Test
    void validationChecksStructureSelectorAndTechnique() {
        KnowledgeIndexNodeType type = new KnowledgeIndexNodeType();
        GraphNode bad = new GraphNode("kb", "knowledge-index", "1", "KB", Map.of("chunk_structure", "table_model",
                "index_chunk_variable_selector", List.of("chunker"), "indexing_technique", "fast"));
        assertEquals(List.of(
                "node 'kb': 'chunk_structure' 'table_model' is not one of text_model, hierarchical_model, qa_model",
                "node 'kb': 'index_chunk_variable_selector' must be a list of at least two strings, e.g. "
                        + "[chunker_node_id, result]",
                "node 'kb': 'indexing_technique' 'fast' is not one of high_quality, economy"),
                assertThrows(NodeValidationException.class, () -> type.validate(bad)).problems());
        GraphNode missing = new GraphNode("kb", "knowledge-index", "1", "KB", Map.of());
        assertEquals(2, assertThrows(NodeValidationException.class, () -> type.validate(missing)).problems().size());
    }

    @Test
    void aBrokenNodeIsReportedAtImport() {
        String yaml = yaml("index").replace("chunk_structure: text_model", "chunk_structure: nope");
        List<?> problems = engine().validate(parse(yaml).graph());
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(true, problems.get(0).toString().contains("'chunk_structure' 'nope' is not one of"),
                problems::toString);
    }
}
