package io.tributary.engine.dsl;

import static io.tributary.engine.dsl.ProblemText.ofNode;
import static io.tributary.engine.dsl.ProblemText.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeValidationException;

class DslImporterImplTest {

    @Test
    void importsTheWorkflowWhenEveryTypeIsInstalled() throws Exception {
        FakeRegistry registry = FakeRegistry.flowTypes();
        DslDocument doc = new DslImporterImpl(registry).importDsl(Fixtures.yaml("workflow-all-nodes.yml"));
        assertEquals(17, doc.graph().nodes().size());
        assertEquals(17, registry.acquired.get(), "each node checked once");
        assertEquals(0, registry.open.get(), "leases are closed at once");
    }

    @Test
    void importsThePipelineWithItsChunkerTool() throws Exception {
        FakeRegistry registry = FakeRegistry.pipelineTypes();
        DslDocument doc = new DslImporterImpl(registry).importDsl(Fixtures.yaml("pipeline-all-datasources.yml"));
        assertEquals(8, doc.graph().nodes().size());
        assertEquals(0, registry.open.get());
    }

    @Test
    void parseNeedsNothingInstalled() throws Exception {
        DslDocument doc = new DslImporterImpl(new FakeRegistry()).parse(Fixtures.yaml("unknown-type.yml"));
        assertEquals(6, doc.graph().nodes().size());
    }

    @Test
    void nodeTypeValidationProblemsComeWithTheNodeId() {
        FakeRegistry registry = FakeRegistry.flowTypes().uninstall("code");
        registry.install("code", null, "1.0.0", new NodeType() {
            @Override
            public void validate(GraphNode node) throws NodeValidationException {
                throw new NodeValidationException(List.of("node '" + node.id() + "': data.code_language 'cobol' "
                        + "is not supported", "data.outputs.items.type is required"));
            }

            @Override
            public NodeExecutor create(GraphNode node) {
                throw new UnsupportedOperationException();
            }
        });
        DslImportException e = assertThrows(DslImportException.class,
                () -> new DslImporterImpl(registry).importDsl(Fixtures.yaml("workflow-all-nodes.yml")));
        assertEquals(List.of(
                ofNode("1700000000004", "data", "data.code_language 'cobol' is not supported"),
                ofNode("1700000000004", "data", "data.outputs.items.type is required")), text(e.problems()));
        assertEquals(0, registry.open.get());
    }

    @Test
    void aNodeTypeThatThrowsIsReportedAndTheOthersAreStillChecked() {
        FakeRegistry registry = FakeRegistry.flowTypes().uninstall("llm").uninstall("answer");
        registry.install("llm", null, "1.0.0", node -> {
            throw new UnsupportedOperationException();
        });
        registry.install("llm", null, "1.0.1", new NodeType() {
            @Override
            public void validate(GraphNode node) {
                throw new IllegalStateException("boom");
            }

            @Override
            public NodeExecutor create(GraphNode node) {
                throw new UnsupportedOperationException();
            }
        });
        DslImportException e = assertThrows(DslImportException.class,
                () -> new DslImporterImpl(registry).importDsl(Fixtures.yaml("workflow-all-nodes.yml")));
        assertEquals(List.of(
                ofNode("1700000000009", "data",
                        "node type 'llm' failed to validate this node: java.lang.IllegalStateException: boom"),
                ofNode("1700000000014", "data.type", "node type 'answer' version 'latest' is not installed")),
                text(e.problems()));
        assertEquals(0, registry.open.get());
    }

    @Test
    void validateChecksAgainWhatIsInstalledNow() throws Exception {
        FakeRegistry registry = FakeRegistry.flowTypes();
        DslImporterImpl importer = new DslImporterImpl(registry);
        DslDocument doc = importer.importDsl(Fixtures.yaml("minimal.yml"));
        importer.validate(doc);

        registry.uninstall("end");
        DslImportException e = assertThrows(DslImportException.class, () -> importer.validate(doc));
        assertEquals(List.of(ofNode("end", "data.type", "node type 'end' version 'latest' is not installed")),
                text(e.problems()));
    }

    @Test
    void versionPinsReachTheRegistry() throws Exception {
        FakeRegistry registry = FakeRegistry.flowTypes().uninstall("assigner");
        registry.install("assigner", "1.0.0");
        DslImportException e = assertThrows(DslImportException.class,
                () -> new DslImporterImpl(registry).importDsl(Fixtures.yaml("workflow-all-nodes.yml")));
        assertEquals(List.of(ofNode("1700000000012", "data.version",
                "node type 'assigner' version '2' is not installed")), text(e.problems()));
    }
}
