package io.tributary.engine.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.dsl.EnvironmentVariable;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.dsl.Secret;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;

class DslParserTest {
    private final DslParser parser = new DslParser();

    @Test
    void workflowExportKeepsGraphAndDataAndDropsTheCanvas() throws Exception {
        DslDocument doc = parser.parse(Fixtures.yaml("workflow-all-nodes.yml"));

        assertEquals(DslKind.APP, doc.kind());
        assertEquals("0.3.0", doc.version());
        assertEquals("All flow nodes", doc.metadata().name());
        assertEquals("workflow", doc.metadata().mode());
        assertEquals("🤖", doc.metadata().icon());
        assertEquals("#FFEAD5", doc.metadata().iconBackground());

        // the custom-note is gone; everything else is kept in DSL order
        assertEquals(List.of("start", "if-else", "http-request", "code", "iteration", "iteration-start",
                        "template-transform", "list-operator", "tool", "llm", "variable-aggregator", "loop",
                        "loop-start", "assigner", "loop-end", "answer", "end"),
                doc.graph().nodes().stream().map(GraphNode::type).toList());
        assertTrue(doc.graph().node("1700000000099").isEmpty());
        assertEquals(16, doc.graph().edges().size());

        GraphNode http = doc.graph().node("1700000000003").orElseThrow();
        assertEquals("Search", http.title());
        assertNull(http.version());
        assertEquals("fail-branch", http.data().get("error_strategy"));
        assertEquals(Map.of("max_retries", 2, "retry_enabled", true, "retry_interval", 100),
                http.data().get("retry_config"));
        assertFalse(http.data().containsKey("selected"), "canvas state is dropped");
        assertFalse(http.data().containsKey("position"));

        assertEquals("2", doc.graph().node("1700000000012").orElseThrow().version());

        // container membership: written by Dify for most children, filled in from parentId where not
        Map<String, Object> iterationStart = doc.graph().node("1700000000005start").orElseThrow().data();
        assertEquals("1700000000005", iterationStart.get("iteration_id"));
        assertEquals(true, iterationStart.get("isInIteration"));
        Map<String, Object> loopStart = doc.graph().node("1700000000011start").orElseThrow().data();
        assertEquals("1700000000011", loopStart.get("loop_id"));
        assertEquals(true, loopStart.get("isInLoop"));

        GraphEdge toIteration = edge(doc, "1700000000004-source-1700000000005-target");
        assertEquals("source", toIteration.sourceHandle(), "absent sourceHandle defaults to source");
        assertEquals("has_query", edge(doc, "1700000000002-has_query-1700000000003-target").sourceHandle());
        assertEquals("false", edge(doc, "1700000000002-false-1700000000008-target").sourceHandle());
        assertEquals("fail-branch", edge(doc, "1700000000003-fail-branch-1700000000010-target").sourceHandle());
    }

    @Test
    void environmentVariablesKeepTheirTypesAndSecretsStaySecret() throws Exception {
        DslDocument doc = parser.parse(Fixtures.yaml("workflow-all-nodes.yml"));

        assertEquals(List.of("search_url", "max_items", "search_token"),
                doc.environmentVariables().stream().map(EnvironmentVariable::name).toList());
        assertEquals("https://search.example.org/api", doc.environmentVariable("search_url").orElseThrow().value());
        assertEquals(5, doc.environmentVariable("max_items").orElseThrow().value());
        EnvironmentVariable token = doc.environmentVariable("search_token").orElseThrow();
        assertTrue(token.secret());
        assertEquals("s3cr3t-t0ken-value", assertInstanceOf(Secret.class, token.value()).reveal());
        assertEquals("Token for the search service", token.description());

        assertFalse(token.toString().contains("s3cr3t"), token.toString());
        assertFalse(doc.toString().contains("s3cr3t"));
        assertTrue(token.toString().contains(Secret.MASK));

        assertEquals(Map.of("enabled", false), doc.features().get("file_upload"));
        assertEquals(2, doc.dependencies().size());
        assertEquals("marketplace", doc.dependencies().get(0).get("type"));
        assertTrue(doc.conversationVariables().isEmpty());
        assertTrue(doc.ragPipelineVariables().isEmpty());
    }

    @Test
    void pipelineExportHasDatasourcesChunkerAndInputForm() throws Exception {
        DslDocument doc = parser.parse(Fixtures.yaml("pipeline-all-datasources.yml"));

        assertEquals(DslKind.RAG_PIPELINE, doc.kind());
        assertEquals("0.1.0", doc.version());
        assertEquals("all-datasources-general", doc.metadata().name());
        assertNull(doc.metadata().mode());
        assertEquals("emoji", doc.metadata().iconType());

        Set<Object> providerTypes = doc.graph().nodes().stream().filter(n -> n.type().equals("datasource"))
                .map(n -> n.data().get("provider_type")).collect(Collectors.toSet());
        assertEquals(Set.of("local_file", "online_document", "website_crawl", "online_drive"), providerTypes);
        GraphNode chunker = doc.graph().node("1751000000007").orElseThrow();
        assertEquals("langgenius/general_chunker/general_chunker/general_chunker", NodeTypeChecker.toolKey(chunker));
        assertEquals(List.of("1751000000007", "result"),
                doc.graph().node("1751000000008").orElseThrow().data().get("index_chunk_variable_selector"));

        List<RagPipelineVariable> vars = doc.ragPipelineVariables();
        assertEquals(List.of("url", "limit", "crawl_sub_pages", "delimiter", "max_chunk_length", "glossary", "mode"),
                vars.stream().map(RagPipelineVariable::variable).toList());
        RagPipelineVariable url = vars.get(0);
        assertEquals(new RagPipelineVariable("1751000000003", "url", "URL", "text-input", true, null, List.of(), 256,
                "https://docs.example.org/", null, null, null, List.of(), List.of(), List.of()), url);
        RagPipelineVariable limit = vars.get(1);
        assertEquals(10, limit.defaultValue());
        assertEquals("pages", limit.unit());
        assertEquals(true, vars.get(2).defaultValue());
        assertEquals("Follow links below the start URL", vars.get(2).tooltips());
        assertEquals(RagPipelineVariable.SHARED, vars.get(3).belongToNodeId());
        assertEquals("\\n\\n", vars.get(3).defaultValue(), "plain scalars keep their backslashes, as in Dify");
        RagPipelineVariable glossary = vars.get(5);
        assertEquals(List.of("document"), glossary.allowedFileTypes());
        assertEquals(List.of(".csv"), glossary.allowedFileExtensions());
        assertEquals(List.of("local_file"), glossary.allowedFileUploadMethods());
        assertNull(glossary.maxLength());
        assertEquals(List.of("paragraph", "full_doc"), vars.get(6).options());
        assertFalse(vars.get(6).required());
    }

    @Test
    void missingVersionAndKindAreDefaulted() throws Exception {
        DslDocument doc = parser.parse(Fixtures.yaml("minimal.yml"));
        assertEquals(DslDocument.DEFAULT_VERSION, doc.version());
        assertEquals(DslKind.APP, doc.kind());
        assertEquals("start-source-end", doc.graph().edges().get(0).id());

        DslDocument pipeline = parser.parse("""
                rag_pipeline: {name: p}
                workflow:
                  graph:
                    nodes:
                    - {id: ds, data: {type: datasource}}
                    - {id: ki, data: {type: knowledge-index}}
                    edges: [{source: ds, target: ki}]
                """);
        assertEquals(DslKind.RAG_PIPELINE, pipeline.kind());
    }

    @Test
    void unknownKindIsAProblem() {
        DslImportException e = assertThrows(DslImportException.class,
                () -> parser.parse("kind: plugin\nversion: 0.1.0\n"));
        assertEquals(List.of(ProblemText.of("kind", "kind 'plugin' is not supported; expected app or rag_pipeline")),
                ProblemText.text(e.problems()));
    }

    @Test
    void readsYamlAsPyYamlDoesButKeepsDatesAsText() throws Exception {
        DslDocument doc = parser.parse("""
                app: {mode: workflow}
                workflow:
                  graph:
                    nodes:
                    - id: 1752479895761
                      data: {type: start, enabled: yes, since: 2024-05-01, version: 1}
                    edges: []
                """);
        GraphNode start = doc.graph().nodes().get(0);
        assertEquals("1752479895761", start.id(), "unquoted numeric ids are ids");
        assertEquals(true, start.data().get("enabled"), "YAML 1.1: yes is a boolean");
        assertEquals("2024-05-01", start.data().get("since"));
        assertEquals("1", start.version());
    }

    private static GraphEdge edge(DslDocument doc, String id) {
        return doc.graph().edges().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
