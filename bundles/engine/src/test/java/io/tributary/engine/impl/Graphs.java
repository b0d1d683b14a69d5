package io.tributary.engine.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;

/** Builds graphs in tests: {@code new Graphs().node("a", "echo", "k", "v").edge("a", "b").build()}. */
final class Graphs {
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<GraphEdge> edges = new ArrayList<>();

    /** A node whose data is given as key/value pairs. */
    Graphs node(String id, String type, Object... data) {
        return nodeV(id, type, null, data);
    }

    /** A node with a version requirement. */
    Graphs nodeV(String id, String type, String version, Object... data) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < data.length; i += 2) {
            d.put((String) data[i], data[i + 1]);
        }
        d.putIfAbsent("title", id.toUpperCase());
        nodes.add(new GraphNode(id, type, version, (String) d.get("title"), d));
        return this;
    }

    Graphs edge(String source, String target) {
        edges.add(new GraphEdge(null, source, null, target));
        return this;
    }

    Graphs edge(String source, String handle, String target) {
        edges.add(new GraphEdge(null, source, handle, target));
        return this;
    }

    Graph build() {
        return new Graph(nodes, edges);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
