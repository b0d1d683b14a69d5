package io.tributary.engine.impl.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.Problem;

/**
 * The one structural check of a graph, shared by the DSL import and the run start, and the indexed shape the
 * engine runs on: nodes by position, edges as (source, target) indices, incoming/outgoing edge lists, the
 * container each node belongs to ({@link Containers}) and the roots of every scope (the top level and each
 * container's child graph).
 *
 * <p>Rules, each reported with its {@link Problem} code, in this order (as graphon's {@code validation.py}
 * runs its validators one after the other and collects every issue):
 * <ol>
 * <li>nodes: a {@code data.type} ({@link Problem#DOCUMENT}), unique ids ({@link Problem#NODE_ID}), a declared
 *     container that exists, is an iteration or loop, and is not nested in the node itself, and a container's
 *     {@code start_node_id} inside it ({@link Problem#CONTAINER});</li>
 * <li>edges: both ends exist and sit in the same scope ({@link Problem#EDGE});</li>
 * <li>each scope acyclic on its own, a self-edge included: a loop repeats by the engine, never by an edge
 *     ({@link Problem#CYCLE});</li>
 * <li>the graph has nodes ({@link Problem#ROOT}). An acyclic scope always has a root.</li>
 * </ol>
 * What a Dify document needs besides (a start, datasource or trigger node; the pipeline rules) is the DSL
 * importer's; what needs installed node types is the planner's.
 *
 * <p>Immutable once built: {@link CheckedGraphs} keeps one per graph, so a published graph is checked once,
 * not at every run.
 */
public final class GraphStructure {
    /** Scope key of the top level. */
    public static final int TOP = -1;
    static final String EDGES = "workflow.graph.edges";
    static final String NODES = "workflow.graph.nodes";

    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final Map<String, Integer> byId;
    private final int[] edgeSource;
    private final int[] edgeTarget;
    private final int[][] in;
    private final int[][] out;
    private final int[] container;
    private final Map<Integer, int[]> members = new HashMap<>();
    private final Map<Integer, int[]> roots = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private GraphStructure(Graph graph) {
        nodes = graph.nodes();
        edges = graph.edges();
        int n = nodes.size();
        byId = new HashMap<>(n * 2);
        Map<String, GraphNode> firstById = new LinkedHashMap<>(n * 2);
        Map<String, Integer> count = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            GraphNode node = nodes.get(i);
            byId.putIfAbsent(node.id(), i);
            firstById.putIfAbsent(node.id(), node);
            count.merge(node.id(), 1, Integer::sum);
        }
        container = new int[n];
        String[] declared = new String[n];
        for (int i = 0; i < n; i++) {
            declared[i] = Containers.containerOf(nodes.get(i), firstById);
            Integer c = declared[i] == null ? null : byId.get(declared[i]);
            container[i] = c == null ? TOP : c;
        }
        boolean[] nestedInItself = nestedInItself();
        for (GraphNode node : firstById.values()) {
            nodeRules(node, count.get(node.id()), declared[byId.get(node.id())], nestedInItself, firstById);
        }
        for (int i = 0; i < n; i++) {
            if (nestedInItself[i]) {
                container[i] = TOP;
            }
        }
        edgeSource = new int[edges.size()];
        edgeTarget = new int[edges.size()];
        List<GraphEdge> inScope = edgeRules();
        in = new int[n][];
        out = new int[n][];
        index();
        Cycles.find(firstById.keySet(), inScope).forEach(cycle -> problems.add(Problem.ofNode(Problem.CYCLE,
                cycle.get(0), EDGES, cycle.size() == 1
                        ? "an edge leads from '" + cycle.get(0) + "' back to itself; only a loop node may repeat"
                        : "nodes " + quoted(cycle) + " form a cycle; only a loop node may repeat")));
        scopes();
        if (nodes.isEmpty()) {
            problems.add(Problem.of(Problem.ROOT, NODES, "graph has no nodes"));
        }
    }

    /** Analyses a graph; check {@link #problems()} before running it. Prefer {@link CheckedGraphs#structure}. */
    public static GraphStructure of(Graph graph) {
        return new GraphStructure(graph);
    }

    /** Nodes whose chain of containers leads back to themselves (two iterations naming each other, say). */
    private boolean[] nestedInItself() {
        int n = nodes.size();
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            int c = container[i];
            for (int steps = 0; c != TOP && c != i && steps < n; steps++) {
                c = container[c];
            }
            result[i] = c == i;
        }
        return result;
    }

    private void nodeRules(GraphNode n, int times, String declared, boolean[] nestedInItself,
                           Map<String, GraphNode> firstById) {
        int i = byId.get(n.id());
        if (n.type() == null || n.type().isBlank()) {
            problems.add(Problem.ofNode(Problem.DOCUMENT, n.id(), "data.type", "data.type is required"));
        }
        if (times > 1) {
            problems.add(Problem.ofNode(Problem.NODE_ID, n.id(), "id", "node id '" + n.id() + "' is used by "
                    + times + " nodes; ids must be unique"));
        }
        if (declared != null) {
            GraphNode c = firstById.get(declared);
            String field = Containers.field(n, declared);
            if (c == null) {
                problems.add(Problem.ofNode(Problem.CONTAINER, n.id(), field, "container '" + declared
                        + "' is not a node"));
            } else if (!Containers.isContainer(c)) {
                problems.add(Problem.ofNode(Problem.CONTAINER, n.id(), field, "container '" + declared + "' is a '"
                        + c.type() + "' node, not an iteration or loop"));
            } else if (nestedInItself[i]) {
                problems.add(Problem.ofNode(Problem.CONTAINER, n.id(), field, declared.equals(n.id())
                        ? "the node names itself as its container"
                        : "containers " + chain(i) + " lead back to this node; a node cannot be nested in itself"));
            }
        }
        if (Containers.isContainer(n)) {
            Object raw = n.data().get("start_node_id");
            String start = raw instanceof String || raw instanceof Number ? raw.toString() : null;
            Integer s = start == null || start.isBlank() ? null : byId.get(start);
            if (start != null && !start.isBlank() && (s == null || container[s] != i || nestedInItself[s])) {
                problems.add(Problem.ofNode(Problem.CONTAINER, n.id(), "data.start_node_id", "start node '" + start
                        + "' is not a node inside this " + n.type()));
            }
        }
    }

    private String chain(int i) {
        List<String> ids = new ArrayList<>();
        ids.add(nodes.get(i).id());
        for (int c = container[i]; ; c = container[c]) {
            ids.add(nodes.get(c).id());
            if (c == i) {
                break;
            }
        }
        return String.join(" → ", ids.stream().map(id -> "'" + id + "'").toList());
    }

    /** Reports dangling and boundary-crossing edges; returns the edges that stay inside one scope. */
    private List<GraphEdge> edgeRules() {
        List<GraphEdge> inScope = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            GraphEdge edge = edges.get(e);
            edgeSource[e] = -1;
            String path = EDGES + "[" + edge.id() + "]";
            Integer s = byId.get(edge.source());
            Integer t = byId.get(edge.target());
            String known = s != null ? edge.source() : t != null ? edge.target() : null;
            if (s == null) {
                problems.add(Problem.ofNode(Problem.EDGE, known, path + ".source", "edge '" + edge.id()
                        + "' starts at '" + edge.source() + "', which is not a node"));
            }
            if (t == null) {
                problems.add(Problem.ofNode(Problem.EDGE, known, path + ".target", "edge '" + edge.id()
                        + "' ends at '" + edge.target() + "', which is not a node"));
            }
            if (s == null || t == null) {
                continue;
            }
            if (container[s] != container[t]) {
                problems.add(Problem.ofNode(Problem.EDGE, edge.source(), path, "edge '" + edge.id() + "' joins '"
                        + edge.source() + "' (" + where(container[s]) + ") and '" + edge.target() + "' ("
                        + where(container[t]) + "); an edge may not cross a container's boundary"));
                continue;
            }
            inScope.add(edge);
            if (!Objects.equals(s, t)) { // a self-edge is reported as a cycle and never indexed
                edgeSource[e] = s;
                edgeTarget[e] = t;
            }
        }
        return inScope;
    }

    private void index() {
        int n = nodes.size();
        int[] inCount = new int[n];
        int[] outCount = new int[n];
        for (int e = 0; e < edges.size(); e++) {
            if (edgeSource[e] >= 0) {
                outCount[edgeSource[e]]++;
                inCount[edgeTarget[e]]++;
            }
        }
        for (int i = 0; i < n; i++) {
            in[i] = new int[inCount[i]];
            out[i] = new int[outCount[i]];
        }
        Arrays.fill(inCount, 0);
        Arrays.fill(outCount, 0);
        for (int e = 0; e < edges.size(); e++) {
            if (edgeSource[e] >= 0) {
                in[edgeTarget[e]][inCount[edgeTarget[e]]++] = e;
                out[edgeSource[e]][outCount[edgeSource[e]]++] = e;
            }
        }
    }

    private void scopes() {
        Map<Integer, List<Integer>> byScope = new LinkedHashMap<>();
        byScope.put(TOP, new ArrayList<>());
        for (int i = 0; i < nodes.size(); i++) {
            byScope.computeIfAbsent(container[i], k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Integer, List<Integer>> e : byScope.entrySet()) {
            int[] m = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            members.put(e.getKey(), m);
            roots.put(e.getKey(), Arrays.stream(m).filter(i -> in[i].length == 0).toArray());
        }
    }

    private String where(int c) {
        return c == TOP ? "top level" : "in '" + nodes.get(c).id() + "'";
    }

    private static String quoted(List<String> ids) {
        return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
    }

    /** Every structural problem, in the order of the rules above; empty when the graph may run. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public int size() {
        return nodes.size();
    }

    public GraphNode node(int i) {
        return nodes.get(i);
    }

    public Integer indexOf(String nodeId) {
        return byId.get(nodeId);
    }

    public int edgeCount() {
        return edges.size();
    }

    public GraphEdge edge(int e) {
        return edges.get(e);
    }

    public int source(int e) {
        return edgeSource[e];
    }

    public int target(int e) {
        return edgeTarget[e];
    }

    public int[] in(int node) {
        return in[node];
    }

    public int[] out(int node) {
        return out[node];
    }

    /** The index of the container the node belongs to, or {@link #TOP}. */
    public int container(int node) {
        return container[node];
    }

    /** Nodes of a scope ({@link #TOP} or a container index); empty when it has none. */
    public int[] members(int scope) {
        return members.getOrDefault(scope, new int[0]);
    }

    /** Nodes of a scope without incoming edges. */
    public int[] roots(int scope) {
        return roots.getOrDefault(scope, new int[0]);
    }
}
