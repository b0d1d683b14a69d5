package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.dsl.DslProblem;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;

/**
 * Checks of a document that need no installed node types: required fields, unique ids, containers, dangling
 * and boundary-crossing edges, cycles (per container scope), a root node, and the pipeline rules.
 *
 * <p>The top level and each iteration/loop are separate scopes: an edge joins two nodes of one scope, and each
 * scope must be acyclic on its own (a loop repeats by the engine, never by an edge).
 */
final class GraphChecker {
    /** Node types that may start a run (Dify's {@code _START_NODE_TYPES}). */
    static final Set<String> ROOT_TYPES = Set.of("start", "datasource", "trigger-webhook", "trigger-schedule",
            "trigger-plugin");
    static final String KNOWLEDGE_INDEX = "knowledge-index";
    static final String DATASOURCE = "datasource";

    private GraphChecker() {
    }

    /** Every problem found, in a stable order: nodes, edges, cycles, root, pipeline rules. */
    static List<DslProblem> check(DslDocument doc) {
        List<DslProblem> problems = new ArrayList<>();
        Map<String, GraphNode> byId = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (GraphNode n : doc.graph().nodes()) {
            byId.putIfAbsent(n.id(), n);
            count.merge(n.id(), 1, Integer::sum);
        }
        Map<String, String> scope = new LinkedHashMap<>();
        for (GraphNode n : byId.values()) {
            scope.put(n.id(), Containers.containerOf(n, byId));
        }
        nodes(doc, byId, count, scope, problems);
        List<GraphEdge> edges = edges(doc, byId, scope, problems);
        Cycles.find(byId.keySet(), edges).forEach(cycle -> problems.add(DslProblem.ofNode(cycle.get(0),
                "workflow.graph.edges", cycle.size() == 1
                        ? "an edge leads from '" + cycle.get(0) + "' back to itself; only a loop node may repeat"
                        : "nodes " + quoted(cycle) + " form a cycle; only a loop node may repeat")));
        root(byId, scope, problems);
        if (doc.kind() == DslKind.RAG_PIPELINE) {
            pipeline(doc, byId, problems);
        }
        return problems;
    }

    private static void nodes(DslDocument doc, Map<String, GraphNode> byId, Map<String, Integer> count,
                              Map<String, String> scope, List<DslProblem> problems) {
        for (GraphNode n : byId.values()) {
            if (n.type().isBlank()) {
                problems.add(DslProblem.ofNode(n.id(), "data.type", "data.type is required"));
            }
            int times = count.get(n.id());
            if (times > 1) {
                problems.add(DslProblem.ofNode(n.id(), "id", "node id '" + n.id() + "' is used by " + times
                        + " nodes; ids must be unique"));
            }
            String container = Containers.containerOf(n, byId);
            if (container != null) {
                GraphNode c = byId.get(container);
                String field = Containers.field(n, container);
                if (c == null) {
                    problems.add(DslProblem.ofNode(n.id(), field, "container '" + container + "' is not a node"));
                } else if (!Containers.isContainer(c)) {
                    problems.add(DslProblem.ofNode(n.id(), field, "container '" + container + "' is a '" + c.type()
                            + "' node, not an iteration or loop"));
                }
            }
            if (Containers.isContainer(n)) {
                String start = Values.nonBlank(n.data().get("start_node_id"));
                if (start != null && !Objects.equals(scope.get(start), n.id())) {
                    problems.add(DslProblem.ofNode(n.id(), "data.start_node_id", "start node '" + start
                            + "' is not a node inside this " + n.type()));
                }
            }
        }
    }

    /** Reports dangling and boundary-crossing edges; returns the edges that stay inside one scope. */
    private static List<GraphEdge> edges(DslDocument doc, Map<String, GraphNode> byId, Map<String, String> scope,
                                         List<DslProblem> problems) {
        List<GraphEdge> inScope = new ArrayList<>();
        for (GraphEdge e : doc.graph().edges()) {
            String path = "workflow.graph.edges[" + e.id() + "]";
            boolean hasSource = byId.containsKey(e.source());
            boolean hasTarget = byId.containsKey(e.target());
            String known = hasSource ? e.source() : hasTarget ? e.target() : null;
            if (!hasSource) {
                problems.add(DslProblem.ofNode(known, path + ".source", "edge '" + e.id() + "' starts at '"
                        + e.source() + "', which is not a node"));
            }
            if (!hasTarget) {
                problems.add(DslProblem.ofNode(known, path + ".target", "edge '" + e.id() + "' ends at '"
                        + e.target() + "', which is not a node"));
            }
            if (!hasSource || !hasTarget) {
                continue;
            }
            String from = scope.get(e.source());
            String to = scope.get(e.target());
            if (!Objects.equals(from, to)) {
                problems.add(DslProblem.ofNode(e.source(), path, "edge '" + e.id() + "' joins '" + e.source()
                        + "' (" + where(from) + ") and '" + e.target() + "' (" + where(to)
                        + "); an edge may not cross a container's boundary"));
                continue;
            }
            inScope.add(e);
        }
        return inScope;
    }

    private static void root(Map<String, GraphNode> byId, Map<String, String> scope, List<DslProblem> problems) {
        boolean found = byId.values().stream()
                .anyMatch(n -> scope.get(n.id()) == null && ROOT_TYPES.contains(n.type()));
        if (!found) {
            problems.add(DslProblem.of("workflow.graph.nodes",
                    "no root node: the graph needs a start, datasource or trigger node"));
        }
    }

    private static void pipeline(DslDocument doc, Map<String, GraphNode> byId, List<DslProblem> problems) {
        long indexes = byId.values().stream().filter(n -> KNOWLEDGE_INDEX.equals(n.type())).count();
        if (indexes != 1) {
            problems.add(DslProblem.of("workflow.graph.nodes", "a rag_pipeline needs exactly one knowledge-index node, "
                    + "found " + indexes));
        }
        List<RagPipelineVariable> vars = doc.ragPipelineVariables();
        for (int i = 0; i < vars.size(); i++) {
            String owner = vars.get(i).belongToNodeId();
            GraphNode n = byId.get(owner);
            if (!RagPipelineVariable.SHARED.equals(owner) && (n == null || !DATASOURCE.equals(n.type()))) {
                problems.add(DslProblem.of("workflow.rag_pipeline_variables[" + i + "].belong_to_node_id",
                        "'" + owner + "' is neither 'shared' nor a datasource node"));
            }
        }
    }

    private static String where(String container) {
        return container == null ? "top level" : "in '" + container + "'";
    }

    static String quoted(List<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(sb.isEmpty() ? "" : ", ").append('\'').append(id).append('\'');
        }
        return sb.toString();
    }
}
