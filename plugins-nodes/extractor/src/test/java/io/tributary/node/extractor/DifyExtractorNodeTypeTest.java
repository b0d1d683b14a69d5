package io.tributary.node.extractor;

import static io.tributary.node.extractor.TestDocuments.SENTENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;

/**
 * The {@code dify_extractor} tool node as Dify's templates write it (tool_parameters.file as a variable selector):
 * the same text as document-extractor, Dify's tool-node output shape, the file parameter required.
 */
class DifyExtractorNodeTypeTest {
    @TempDir
    Path dir;
    Extraction x;
    DifyExtractorNodeType tool;

    @BeforeEach
    void setUp() {
        x = new Extraction(dir, ExtractorLimits.defaults());
        tool = new DifyExtractorNodeType(ExtractorLimits.defaults(), x.store, Extraction.guard(""));
    }

    @AfterEach
    void tearDown() {
        tool.close();
        x.close();
    }

    /** The node of Dify's "Parent-child-HQ" template: the file comes from a variable aggregator. */
    private static GraphNode templateNode(Object fileParameter) {
        return new GraphNode("1750836391776", "tool", null, "Dify Extractor", Map.of(
                "provider_id", "langgenius/dify_extractor/dify_extractor",
                "provider_type", "builtin",
                "tool_name", "dify_extractor",
                "tool_node_version", "2",
                "tool_configurations", Map.of(),
                "tool_parameters", Map.of("file", fileParameter)));
    }

    private NodeResult run(GraphNode node, Object file) throws Exception {
        return tool.create(node).execute(new TestContext(node).put("1756442986174", "output", file));
    }

    @Test
    void extractsTheSameTextAsTheDocumentExtractorInDifysToolOutputShape() throws Exception {
        Map<String, Object> file = x.upload("report.docx", "", TestDocuments.docx());
        NodeResult r = run(templateNode(Map.of("type", "variable", "value", List.of("1756442986174", "output"))),
                file);
        String expected = (String) x.run(file).outputs().get("text");
        assertTrue(expected.contains(SENTENCE + " in Word."), expected);
        assertEquals(expected, r.outputs().get("text"));
        assertEquals(List.of(), r.outputs().get("files"));
        assertEquals(List.of(), r.outputs().get("json"));
        assertEquals(List.of(Map.of("page_content", expected, "metadata", Map.of("source", "report.docx"))),
                r.outputs().get("documents"));
    }

    @Test
    void aMixedTemplateOfOneReferenceNamesTheFileToo() throws Exception {
        Map<String, Object> file = x.upload("notes.txt", "text/plain", "plain words".getBytes(StandardCharsets.UTF_8));
        NodeResult r = run(templateNode(Map.of("type", "mixed", "value", "{{#1756442986174.output#}}")), file);
        assertEquals("plain words", r.outputs().get("text"));
    }

    @Test
    void withoutAFileParameterTheImportFailsAndWithoutAFileTheRunFails() throws Exception {
        NodeValidationException e = assertThrows(NodeValidationException.class,
                () -> tool.validate(templateNode(Map.of("type", "constant", "value", ""))));
        assertTrue(e.getMessage().contains("tool parameter 'file' is required"), e.getMessage());
        NodeExecutionException missing = assertThrows(NodeExecutionException.class, () -> run(
                templateNode(Map.of("type", "variable", "value", List.of("1756442986174", "output"))), null));
        assertEquals("file is required", missing.getMessage());
    }

    @Test
    void anUnreadableFileFailsTheNodeWithTheExtractorsMessage() throws Exception {
        Map<String, Object> file = x.upload("broken.docx", "", TestDocuments.docxWithBrokenXml());
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(
                templateNode(Map.of("type", "variable", "value", List.of("1756442986174", "output"))), file));
        assertTrue(e.getMessage().startsWith("Failed to extract text from broken.docx: "), e.getMessage());
    }
}
