package io.tributary.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.pipeline.PipelineException;

class RunPartsTest {

    static RagPipelineVariable var(String owner, String name, String type, boolean required, Object dflt) {
        return new RagPipelineVariable(owner, name, name, type, required, dflt, List.of("a", "b"), 10, null, null,
                null, null, null, null, null);
    }

    @Test
    void batchIdsAreTheTimeAndSixRandomDigits() {
        Clock clock = Clock.fixed(Instant.parse("2025-08-01T12:30:00Z"), ZoneId.of("UTC"));
        BatchIds ids = new BatchIds(clock);
        for (int i = 0; i < 200; i++) {
            String id = ids.next();
            assertTrue(id.matches("20250801123000[1-9]\\d{5}"), id);
        }
    }

    @Test
    void ragVariablesKeepTheStartNodesAndSharedFieldsWithDefaults() {
        List<RagPipelineVariable> declared = List.of(var("shared", "delimiter", "text-input", true, "\\n\\n"),
                var("n1", "url", "text-input", true, null), var("n2", "url", "text-input", true, null),
                var("n1", "limit", "number", false, 10), var("n1", "sub", "checkbox", false, null),
                var("shared", "mode", "select", false, "a"));

        Map<String, Map<String, Object>> rag = RagVariables.of(declared, "n1",
                Map.of("url", "https://x", "limit", "25", "sub", "true", "unknown", 1));

        assertEquals(Map.of("shared", Map.of("delimiter", "\\n\\n", "mode", "a"),
                "n1", Map.of("url", "https://x", "limit", 25L, "sub", true)), rag);
    }

    @Test
    void ragVariablesRefuseMissingRequiredAndBadValues() {
        List<RagPipelineVariable> declared = List.of(var("n1", "url", "text-input", true, null));
        assertEquals("url is required in input form",
                assertThrows(PipelineException.class, () -> RagVariables.of(declared, "n1", Map.of())).getMessage());
        // another node's required field is not this run's business
        assertEquals(Map.of(), RagVariables.of(declared, "n2", Map.of()));
        assertThrows(PipelineException.class, () -> RagVariables.of(
                List.of(var("shared", "m", "select", false, null)), "n1", Map.of("m", "c")));
        assertThrows(PipelineException.class, () -> RagVariables.of(
                List.of(var("shared", "t", "text-input", false, null)), "n1", Map.of("t", "x".repeat(11))));
        assertThrows(PipelineException.class, () -> RagVariables.of(
                List.of(var("shared", "c", "checkbox", false, null)), "n1", Map.of("c", "maybe")));
    }

    @Test
    void itemShapesAndDocumentNamesFollowDify() {
        assertEquals(null, DatasourceItems.problem(DatasourceType.ONLINE_DOCUMENT,
                Map.of("workspace_id", "w", "page", Map.of("page_id", "p", "type", "page"))));
        assertTrue(DatasourceItems.problem(DatasourceType.ONLINE_DOCUMENT, Map.of("workspace_id", "w",
                "page", Map.of("page_id", "p"))).contains("'page_id' and 'type'"));
        assertTrue(DatasourceItems.problem(DatasourceType.WEBSITE_CRAWL, Map.of("title", "t")).contains("'url'"));
        assertEquals(null, DatasourceItems.problem(DatasourceType.WEBSITE_CRAWL, Map.of("source_url", "https://x")));
        assertTrue(DatasourceItems.problem(DatasourceType.ONLINE_DRIVE, Map.of("id", "k", "type", "dir"))
                .contains("'file' or 'folder'"));

        assertEquals("Roadmap", DatasourceItems.documentName(DatasourceType.ONLINE_DOCUMENT,
                Map.of("page", Map.of("page_name", "Roadmap"))));
        assertEquals("Guide", DatasourceItems.documentName(DatasourceType.WEBSITE_CRAWL, Map.of("title", "Guide")));
        assertEquals("untitled", DatasourceItems.documentName(DatasourceType.ONLINE_DRIVE, Map.of("id", "k")));
        assertEquals("a.pdf", DatasourceItems.documentName(DatasourceType.LOCAL_FILE, Map.of("name", "a.pdf")));
    }

    @Test
    void aNumberTextIsBoundedBeforeItIsParsed() {
        RagPipelineVariable n = new RagPipelineVariable("shared", "size", "Size", "number", false, null, List.of(),
                null, null, null, null, null, List.of(), List.of(), List.of());
        assertEquals(12L, RagVariables.coerce(n, " 12 "));
        assertEquals("size in input form must be a valid number", assertThrows(PipelineException.class,
                () -> RagVariables.coerce(n, "9".repeat(1_000_000))).getMessage());
    }
}
