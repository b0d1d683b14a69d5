package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.model.Problem;
import io.tributary.engine.impl.domain.Containers;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;

/**
 * {@code workflow.graph} to {@link Graph}: keeps node ids and {@code data}, drops the canvas. A node without
 * {@code data.type} is kept with an empty type so that {@link io.tributary.engine.impl.domain.GraphStructure} reports it once and its edges are
 * not also reported as dangling.
 */
final class GraphReader {
    static final String NOTE = "custom-note";
    static final String ITERATION = Containers.ITERATION;
    static final String LOOP = Containers.LOOP;

    private final List<Problem> problems;

    GraphReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** One node as read, with the canvas {@code parentId} kept aside until every node is known. */
    private record Read(String id, Map<String, Object> data, String parentId) {
    }

    Graph read(Map<String, Object> graph) {
        Set<String> notes = new HashSet<>();
        List<Read> reads = nodes(graph.get("nodes"), notes);
        Map<String, String> typeById = new HashMap<>();
        for (Read r : reads) {
            typeById.putIfAbsent(r.id(), typeOf(r.data()));
        }
        List<GraphNode> nodes = new ArrayList<>(reads.size());
        for (Read r : reads) {
            if (r.parentId() != null) {
                adopt(r, typeById);
            }
            Map<String, Object> data = r.data();
            data.remove("selected"); // canvas state, like the envelope's
            nodes.add(new GraphNode(r.id(), typeOf(data), version(data.get("version")),
                    Values.text(data.get("title")), data));
        }
        return new Graph(nodes, edges(graph.get("edges"), notes));
    }

    private List<Read> nodes(Object value, Set<String> notes) {
        List<Object> list = Values.list(value);
        if (list == null) {
            if (value != null) {
                problems.add(Problem.of(Problem.DOCUMENT, "workflow.graph.nodes", "nodes must be a list"));
            }
            return List.of();
        }
        List<Read> reads = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = "workflow.graph.nodes[" + i + "]";
            Map<String, Object> node = Values.map(list.get(i));
            if (node == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path, "a node must be a mapping"));
                continue;
            }
            String id = Values.nonBlank(node.get("id"));
            if (NOTE.equals(node.get("type"))) {
                if (id != null) {
                    notes.add(id);
                }
                continue;
            }
            if (id == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".id", "id is required"));
                continue;
            }
            Object rawData = node.get("data");
            Map<String, Object> data = Values.map(rawData);
            if (data == null) {
                if (rawData != null) {
                    problems.add(Problem.ofNode(Problem.DOCUMENT, id, "data", "data must be a mapping"));
                }
                data = new LinkedHashMap<>(); // GraphStructure reports the missing data.type
            }
            reads.add(new Read(id, data, Values.nonBlank(node.get("parentId"))));
        }
        return reads;
    }

    /**
     * Puts the canvas {@code parentId} into {@code data} where Dify left it out (it does for
     * {@code loop-start}), so membership can be read from {@code data} alone.
     */
    private void adopt(Read r, Map<String, String> typeById) {
        String parentType = typeById.get(r.parentId());
        if (parentType == null) {
            problems.add(Problem.ofNode(Problem.CONTAINER, r.id(), "parentId", "parent '" + r.parentId() + "' is not a node"));
        } else if (ITERATION.equals(parentType)) {
            fill(r.data(), "iteration_id", "isInIteration", r.parentId());
        } else if (LOOP.equals(parentType)) {
            fill(r.data(), "loop_id", "isInLoop", r.parentId());
        } else {
            problems.add(Problem.ofNode(Problem.CONTAINER, r.id(), "parentId", "parent '" + r.parentId() + "' is a '" + parentType
                    + "' node, not an iteration or loop"));
        }
    }

    private static void fill(Map<String, Object> data, String idKey, String flagKey, String parentId) {
        if (Values.nonBlank(data.get(idKey)) == null) {
            data.put(idKey, parentId);
        }
        data.put(flagKey, Boolean.TRUE);
    }

    private List<GraphEdge> edges(Object value, Set<String> notes) {
        List<Object> list = Values.list(value);
        if (list == null) {
            if (value != null) {
                problems.add(Problem.of(Problem.DOCUMENT, "workflow.graph.edges", "edges must be a list"));
            }
            return List.of();
        }
        List<GraphEdge> edges = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = "workflow.graph.edges[" + i + "]";
            Map<String, Object> edge = Values.map(list.get(i));
            if (edge == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path, "an edge must be a mapping"));
                continue;
            }
            String source = Values.nonBlank(edge.get("source"));
            String target = Values.nonBlank(edge.get("target"));
            if (notes.contains(source) || notes.contains(target)) {
                continue;
            }
            if (source == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".source", "source is required"));
            }
            if (target == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".target", "target is required"));
            }
            if (source != null && target != null) {
                edges.add(new GraphEdge(Values.nonBlank(edge.get("id")), source,
                        Values.nonBlank(edge.get("sourceHandle")), target));
            }
        }
        return edges;
    }

    static String typeOf(Map<String, Object> data) {
        String type = Values.nonBlank(data.get("type"));
        return type == null ? "" : type;
    }

    /** Dify writes {@code "1"}, {@code "2"}; an unquoted {@code 2} is the same. Blank means latest. */
    private static String version(Object v) {
        return Values.nonBlank(v);
    }
}
