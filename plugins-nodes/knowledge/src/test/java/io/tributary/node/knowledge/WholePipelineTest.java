package io.tributary.node.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.api.event.RunStatus;
import io.tributary.node.chunkers.GeneralChunkerNodeType;
import io.tributary.node.chunkers.ParentChildChunkerNodeType;

/** Whole pipelines on the real engine: datasource -> the real chunker tools -> knowledge-index. */
class WholePipelineTest extends StoreBackedTest {
    static final String PAGE_TEXT = "Owls hunt at night.\nThey hear very well.\n\nRavens are clever.\nThey use tools.";
    static final Map<String, Object> PAGE = Map.of("source_url", "https://birds.example.org/", "title", "Birds",
            "description", "About birds", "content", PAGE_TEXT);

    @BeforeEach
    void chunkers() {
        tools.put("tool#langgenius/general_chunker/general_chunker/general_chunker@1.0.0", new GeneralChunkerNodeType());
        tools.put("tool#langgenius/parentchild_chunker/parentchild_chunker/parentchild_chunker@1.0.0",
                new ParentChildChunkerNodeType());
    }

    @Test
    void aDraftRunPreviewsTheGeneralChunkersChunks() throws Exception {
        Events ev = run("crawl-chunk-index", debugger("ds-1", "website_crawl", PAGE));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of("crawl", "chunk", "index"), ev.started());
        assertEquals(Map.of("chunk_structure", "text_model", "preview", List.of(
                Map.of("content", "Owls hunt at night.\nThey hear very well."),
                Map.of("content", "Ravens are clever.\nThey use tools.")), "total_segments", 2),
                normalise(ev.end().outputs()));
    }

    @Test
    void aDraftRunPreviewsParentsWithTheirChildren() throws Exception {
        Events ev = run("crawl-parent-child-index", debugger("ds-1", "website_crawl", PAGE));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(Map.of("chunk_structure", "hierarchical_model", "parent_mode", "paragraph", "preview", List.of(
                Map.of("content", "Owls hunt at night.\nThey hear very well.",
                        "child_chunks", List.of("Owls hunt at night.", "They hear very well.")),
                Map.of("content", "Ravens are clever.\nThey use tools.",
                        "child_chunks", List.of("Ravens are clever.", "They use tools."))), "total_segments", 2),
                normalise(ev.end().outputs()));
    }

    static Map<String, Object> normalise(Map<String, Object> outputs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(outputs);
        m.computeIfPresent("total_segments", (k, v) -> ((Number) v).intValue());
        return m;
    }
}
