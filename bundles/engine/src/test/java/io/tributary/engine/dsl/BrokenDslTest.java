package io.tributary.engine.dsl;

import static io.tributary.engine.dsl.ProblemText.of;
import static io.tributary.engine.dsl.ProblemText.ofNode;
import static io.tributary.engine.dsl.ProblemText.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.model.Problem;
import io.tributary.engine.impl.domain.GraphStructure;

/** Each broken fixture yields exactly the expected problems, all of them, with node ids. */
class BrokenDslTest {
    private final FakeRegistry registry = FakeRegistry.flowTypes();
    private final DslImporter importer = new DslImporterImpl(registry);

    private List<String> problems(String yaml) {
        return text(assertThrows(DslImportException.class, () -> importer.importDsl(yaml)).problems());
    }

    private List<String> fixtureProblems(String fixture) {
        return problems(Fixtures.yaml(fixture));
    }

    @Test
    void danglingEdges() {
        assertEquals(List.of(
                ofNode("start", "workflow.graph.edges[e2].target", "edge 'e2' ends at 'ghost', which is not a node"),
                ofNode("end", "workflow.graph.edges[e3].source", "edge 'e3' starts at 'phantom', which is not a node"),
                of("workflow.graph.edges[e4].source", "edge 'e4' starts at 'nowhere', which is not a node"),
                of("workflow.graph.edges[e4].target", "edge 'e4' ends at 'nothing', which is not a node")),
                fixtureProblems("dangling-edge.yml"));
    }

    @Test
    void cyclesOutsideLoopsButNotTheLoopsOwnChain() {
        assertEquals(List.of(
                ofNode("a", "workflow.graph.edges", "nodes 'a', 'b' form a cycle; only a loop node may repeat"),
                ofNode("c", "workflow.graph.edges",
                        "an edge leads from 'c' back to itself; only a loop node may repeat")),
                fixtureProblems("cycle.yml"));
    }

    @Test
    void duplicateIds() {
        assertEquals(List.of(ofNode("twin", "id", "node id 'twin' is used by 2 nodes; ids must be unique")),
                fixtureProblems("duplicate-id.yml"));
    }

    @Test
    void missingIdAndType() {
        assertEquals(List.of(
                of("workflow.graph.nodes[2].id", "id is required"),
                ofNode("untyped", "data.type", "data.type is required"),
                ofNode("nodata", "data.type", "data.type is required")),
                fixtureProblems("missing-type.yml"));
    }

    @Test
    void unknownTypesVersionsAndTools() {
        assertEquals(List.of(
                ofNode("wand", "data.type", "node type 'magic-wand' version 'latest' is not installed"),
                ofNode("assign3", "data.version", "node type 'assigner' version '3' is not installed"),
                ofNode("weather", "data.type",
                        "node type 'tool:acme/weather/weather/forecast' version 'latest' is not installed"),
                ofNode("notool", "data.provider_id", "a tool node needs data.provider_id and data.tool_name")),
                fixtureProblems("unknown-type.yml"));
        assertEquals(0, registry.open.get(), "every lease is closed");
    }

    @Test
    void notYamlSaysWhereButNeverQuotesTheDocument() {
        DslImportException e = assertThrows(DslImportException.class,
                () -> importer.importDsl(Fixtures.yaml("not-yaml.yml")));
        assertEquals(1, e.problems().size());
        String message = e.problems().get(0).message();
        assertTrue(message.startsWith("not valid YAML: "), message);
        assertTrue(message.matches(".*\\(line \\d+, column \\d+\\)"), message);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void emptyDocuments() {
        List<String> empty = List.of(of("", "the document is empty"));
        assertEquals(empty, fixtureProblems("empty.yml"));
        assertEquals(empty, problems("  \n\t\n"));
        assertEquals(empty, problems("# only a comment\n"));
        assertEquals(List.of(of("", "the document must be a YAML mapping with kind, version and workflow")),
                problems("- just\n- a list\n"));
    }

    @Test
    void billionLaughsIsStoppedByTheAliasLimit() {
        List<String> p = fixtureProblems("billion-laughs.yml");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("not valid YAML: "), p.get(0));
        assertTrue(p.get(0).contains("aliases"), p.get(0));
    }

    @Test
    void aliasesUnderTheLimitStillCannotExpandWithoutBound() {
        assertEquals(List.of(of("", "the document holds more than 1000000 values once YAML aliases are expanded")),
                fixtureProblems("doubling-aliases.yml"));
    }

    @Test
    void tooLarge() {
        String big = "a: '" + "x".repeat(DslImporter.MAX_SIZE) + "'\n"; // 4 + 10 MiB + 2 bytes
        assertEquals(List.of(of("", "the document is " + (DslImporter.MAX_SIZE + 6L)
                + " bytes; at most 10485760 (10 MiB) are accepted")), problems(big));
    }

    @Test
    void tooLargeCountsBytesNotChars() {
        String big = "a: '" + "é".repeat(DslImporter.MAX_SIZE / 2) + "'\n"; // half as many chars as bytes
        assertEquals(List.of(of("", "the document is " + (DslImporter.MAX_SIZE + 6L)
                + " bytes; at most 10485760 (10 MiB) are accepted")), problems(big));
    }

    @Test
    void chatbotModeIsNotSupported() {
        assertEquals(List.of(of("app.mode", "app mode 'chat' is not supported; only workflow")),
                fixtureProblems("mode-chat.yml"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        registry.install("odd-one-out", "1.0.0");
        DslImportException e = assertThrows(DslImportException.class,
                () -> importer.importDsl(Fixtures.yaml("many-problems.yml")));
        assertEquals(List.of(
                ofNode("child", "parentId", "parent 'code1' is a 'code' node, not an iteration or loop"),
                of("workflow.environment_variables[0].value", "the value of a number variable is not a number"),
                of("workflow.environment_variables[1].value_type",
                        "value_type 'password' is not one of string, number, secret"),
                of("workflow.environment_variables[2].name", "environment variable 'retries' is declared twice"),
                ofNode("code1", "id", "node id 'code1' is used by 2 nodes; ids must be unique"),
                ofNode("blank", "data.type", "data.type is required"),
                ofNode("code1", "workflow.graph.edges[to-ghost].target",
                        "edge 'to-ghost' ends at 'ghost', which is not a node"),
                ofNode("x", "workflow.graph.edges", "nodes 'x', 'y' form a cycle; only a loop node may repeat"),
                of("workflow.graph.nodes", "no root node: the graph needs a start, datasource or trigger node"),
                ofNode("odd", "data.type", "node type 'odd-one' version 'latest' is not installed")),
                text(e.problems()));
        assertFalse(e.getMessage().contains("hunter2"), "values are never quoted");
        assertTrue(e.getMessage().startsWith("DSL import failed with 10 problems\n- node 'child' parentId: "),
                e.getMessage());
    }

    @Test
    void pipelineRules() {
        String yaml = """
                kind: rag_pipeline
                rag_pipeline: {name: p}
                workflow:
                  graph:
                    nodes:
                    - {id: ds, data: {type: datasource}}
                    - {id: x, data: {type: code}}
                    edges: [{source: ds, target: x}]
                  rag_pipeline_variables:
                  - {belong_to_node_id: shared, variable: a}
                  - {belong_to_node_id: x, variable: b}
                  - {belong_to_node_id: ds, variable: c}
                  - {belong_to_node_id: ds, variable: c}
                  - {variable: d}
                  - {belong_to_node_id: gone, variable: e}
                """;
        assertEquals(List.of(
                of("workflow.rag_pipeline_variables[3].variable", "variable 'c' of 'ds' is declared twice"),
                of("workflow.rag_pipeline_variables[4].belong_to_node_id", "belong_to_node_id is required"),
                of("workflow.graph.nodes", "a rag_pipeline needs exactly one knowledge-index node, found 0"),
                of("workflow.rag_pipeline_variables[1].belong_to_node_id",
                        "'x' is neither 'shared' nor a datasource node")),
                text(assertThrows(DslImportException.class, () -> new DslParser().parse(yaml)).problems()));
    }

    @Test
    void containerRules() {
        String yaml = """
                app: {mode: workflow}
                workflow:
                  graph:
                    nodes:
                    - {id: start, data: {type: start}}
                    - {id: it, data: {type: iteration, start_node_id: elsewhere}}
                    - {id: inner, parentId: it, data: {type: code}}
                    - {id: elsewhere, data: {type: code}}
                    - {id: lost, data: {type: code, isInLoop: true, loop_id: no-such-loop}}
                    - {id: orphan, parentId: gone, data: {type: code}}
                    edges:
                    - {id: out, source: inner, target: elsewhere}
                    - {source: start, target: it}
                """;
        assertEquals(List.of(
                ofNode("orphan", "parentId", "parent 'gone' is not a node"),
                ofNode("it", "data.start_node_id", "start node 'elsewhere' is not a node inside this iteration"),
                ofNode("lost", "data.loop_id", "container 'no-such-loop' is not a node"),
                ofNode("inner", "workflow.graph.edges[out]", "edge 'out' joins 'inner' (in 'it') and 'elsewhere' "
                        + "(top level); an edge may not cross a container's boundary")),
                text(assertThrows(DslImportException.class, () -> new DslParser().parse(yaml)).problems()));
    }

    /** Issue #10 item 11: this imported and published, and then every run failed. */
    @Test
    void twoIterationsNamingEachOtherAreRefusedAtImport() {
        String yaml = """
                app: {mode: workflow}
                workflow:
                  graph:
                    nodes:
                    - {id: start, data: {type: start}}
                    - {id: a, data: {type: iteration, iteration_id: b, isInIteration: true}}
                    - {id: b, data: {type: iteration, iteration_id: a, isInIteration: true}}
                    - {id: self, data: {type: loop, loop_id: self}}
                    edges: []
                """;
        List<Problem> p = assertThrows(DslImportException.class, () -> importer.importDsl(yaml)).problems();
        assertEquals(List.of(
                ofNode("a", "data.iteration_id", "containers 'a' → 'b' → 'a' lead back to this node; a node cannot "
                        + "be nested in itself"),
                ofNode("b", "data.iteration_id", "containers 'b' → 'a' → 'b' lead back to this node; a node cannot "
                        + "be nested in itself"),
                ofNode("self", "data.loop_id", "the node names itself as its container")), text(p));
        assertTrue(p.stream().allMatch(x -> Problem.CONTAINER.equals(x.code())), p::toString);
    }

    @Test
    void aLoopNestedInAnIterationImports() throws Exception {
        DslDocument doc = importer.importDsl(Fixtures.yaml("loop-in-iteration.yml"));
        GraphStructure g = GraphStructure.of(doc.graph());
        assertEquals(List.of(), g.problems());
        assertEquals("inner", g.node(g.container(g.indexOf("inc"))).id(), "the inner container wins");
        assertEquals("it", g.node(g.container(g.indexOf("inner"))).id());
        assertEquals("it", g.node(g.container(g.indexOf("fmt"))).id());
        assertEquals(GraphStructure.TOP, g.container(g.indexOf("it")));
    }

    @Test
    void problemsCarryTheirCode() {
        DslImportException e = assertThrows(DslImportException.class,
                () -> importer.importDsl(Fixtures.yaml("many-problems.yml")));
        assertEquals(List.of(Problem.CONTAINER, Problem.DOCUMENT, Problem.DOCUMENT, Problem.DOCUMENT, Problem.NODE_ID,
                Problem.DOCUMENT, Problem.EDGE, Problem.CYCLE, Problem.ROOT, Problem.NODE_TYPE),
                e.problems().stream().map(Problem::code).toList());
    }
}
