package io.tributary.engine.impl.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.engine.GraphProblem;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;

/**
 * The indexed shape of a graph: nodes by position, edges as (source, target) indices, incoming/outgoing edge
 * lists, the container each node belongs to, and the roots of every scope (the top level and each
 * container's child graph). Built once per validation or run start; also collects structural problems
 * (duplicate ids, dangling edges, edges across container boundaries, cycles, missing roots).
 */
public final class GraphStructure {
    /** Scope key of the top level. */
    public static final int TOP = -1;

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
    private final List<GraphProblem> problems = new ArrayList<>();

    private GraphStructure(Graph graph) {
        nodes = graph.nodes();
        edges = graph.edges();
        int n = nodes.size();
        byId = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (byId.putIfAbsent(nodes.get(i).id(), i) != null) {
                problems.add(new GraphProblem(nodes.get(i).id(), "duplicate node id '" + nodes.get(i).id() + "'"));
            }
        }
        container = new int[n];
        for (int i = 0; i < n; i++) {
            container[i] = containerOf(nodes.get(i));
        }
        edgeSource = new int[edges.size()];
        edgeTarget = new int[edges.size()];
        int[] inCount = new int[n];
        int[] outCount = new int[n];
        for (int e = 0; e < edges.size(); e++) {
            GraphEdge edge = edges.get(e);
            Integer s = byId.get(edge.source());
            Integer t = byId.get(edge.target());
            edgeSource[e] = -1;
            if (s == null) {
                problems.add(new GraphProblem(null, "edge '" + edge.id() + "' references unknown source node '"
                        + edge.source() + "'"));
            } else if (t == null) {
                problems.add(new GraphProblem(edge.source(), "edge '" + edge.id() + "' references unknown target node '"
                        + edge.target() + "'"));
            } else if (container[s] != container[t]) {
                problems.add(new GraphProblem(edge.source(), "edge '" + edge.id() + "' crosses a container boundary ('"
                        + edge.source() + "' → '" + edge.target() + "')"));
            } else if (s.equals(t)) {
                problems.add(new GraphProblem(edge.source(), "edge '" + edge.id() + "' is a self-loop"));
            } else {
                edgeSource[e] = s;
                edgeTarget[e] = t;
                outCount[s]++;
                inCount[t]++;
            }
        }
        in = new int[n][];
        out = new int[n][];
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
        scopes();
        cycles();
    }

    /** Analyses a graph; check {@link #problems()} before running it. */
    public static GraphStructure of(Graph graph) {
        return new GraphStructure(graph);
    }

    private int containerOf(GraphNode node) {
        for (String key : new String[] {"iteration_id", "loop_id", "parentId"}) {
            if (node.data().get(key) instanceof String c && !c.isEmpty()) {
                Integer idx = byId.get(c);
                if (idx == null) {
                    problems.add(new GraphProblem(node.id(), "data." + key + " names container '" + c
                            + "', which is not in the graph"));
                    return TOP;
                }
                if (c.equals(node.id())) {
                    problems.add(new GraphProblem(node.id(), "data." + key + " names the node itself"));
                    return TOP;
                }
                return idx;
            }
        }
        return TOP;
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
            int[] r = Arrays.stream(m).filter(i -> in[i].length == 0).toArray();
            roots.put(e.getKey(), r);
            if (m.length > 0 && r.length == 0) {
                problems.add(new GraphProblem(e.getKey() == TOP ? null : nodes.get(e.getKey()).id(),
                        e.getKey() == TOP ? "graph has no root node (every node has an incoming edge)"
                                : "the child graph has no root node"));
            }
        }
        if (nodes.isEmpty()) {
            problems.add(new GraphProblem(null, "graph has no nodes"));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int c = container[i], depth = 0; c != TOP; c = container[c], depth++) {
                if (c == i || depth > nodes.size()) {
                    problems.add(new GraphProblem(nodes.get(i).id(), "node is nested in itself"));
                    container[i] = TOP;
                    break;
                }
            }
        }
    }

    private void cycles() {
        int n = nodes.size();
        int[] pending = new int[n];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            pending[i] = in[i].length;
            if (pending[i] == 0) {
                q.add(i);
            }
        }
        int seen = 0;
        while (!q.isEmpty()) {
            int i = q.poll();
            seen++;
            for (int e : out[i]) {
                if (--pending[edgeTarget[e]] == 0) {
                    q.add(edgeTarget[e]);
                }
            }
        }
        if (seen < n) {
            List<String> inCycle = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    inCycle.add(nodes.get(i).id());
                }
            }
            problems.add(new GraphProblem(null, "graph has a cycle through nodes " + inCycle
                    + " (only loop nodes may repeat work)"));
        }
    }

    public List<GraphProblem> problems() {
        return problems;
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
