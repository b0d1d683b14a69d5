package io.tributary.engine.impl.traversal;

import java.util.ArrayDeque;

import io.tributary.engine.impl.domain.GraphStructure;

/**
 * Edge and node states of one scope run (graphon's {@code graph_traversal}): every edge is unknown, taken or
 * skipped. A node is ready once none of its incoming edges is unknown and at least one is taken (an OR-join
 * after resolution); a node whose incoming edges are all skipped is skipped, and so are its outgoing edges,
 * recursively. Confined to the run's serial loop.
 */
public final class Traversal {
    private static final byte UNKNOWN = 0;
    private static final byte TAKEN = 1;
    private static final byte SKIPPED = 2;

    /** Receives the consequences of a state change. */
    public interface Sink {
        /** The node became ready; {@code predecessor} is the node whose completion made it so, or -1. */
        void ready(int node, int predecessor);

        /** The node will not run. */
        void skipped(int node);
    }

    private final GraphStructure g;
    private final byte[] edges;
    private final byte[] nodes;
    private final ArrayDeque<Integer> work = new ArrayDeque<>();

    public Traversal(GraphStructure g) {
        this.g = g;
        this.edges = new byte[g.edgeCount()];
        this.nodes = new byte[g.size()];
    }

    /**
     * Starts a scope: the chosen root (or, with {@code chosen < 0}, every root) becomes ready; the other roots
     * and their exclusive descendants are skipped.
     */
    public void begin(int[] roots, int chosen, Sink sink) {
        for (int r : roots) {
            if (chosen < 0 || r == chosen) {
                nodes[r] = TAKEN;
                sink.ready(r, -1);
            }
        }
        for (int r : roots) {
            if (chosen >= 0 && r != chosen) {
                skip(r, sink);
            }
        }
    }

    /**
     * A node completed: a non-selective node takes every outgoing edge; a selective one (branch, fail-branch)
     * takes the edges of {@code handle} and skips the others.
     */
    public void completed(int node, String handle, boolean selective, Sink sink) {
        int[] out = g.out(node);
        for (int e : out) {
            edges[e] = !selective || handle.equals(g.edge(e).sourceHandle()) ? TAKEN : SKIPPED;
        }
        for (int e : out) {
            settle(g.target(e), node, sink);
        }
        drain(sink);
    }

    /** True once the node is known not to run. */
    public boolean isSkipped(int node) {
        return nodes[node] == SKIPPED;
    }

    private void skip(int node, Sink sink) {
        nodes[node] = SKIPPED;
        sink.skipped(node);
        for (int e : g.out(node)) {
            edges[e] = SKIPPED;
            work.add(g.target(e));
        }
        drain(sink);
    }

    private void drain(Sink sink) {
        Integer n;
        while ((n = work.poll()) != null) {
            settle(n, -1, sink);
        }
    }

    private void settle(int node, int predecessor, Sink sink) {
        if (nodes[node] != UNKNOWN) {
            return;
        }
        boolean anyTaken = false;
        int takenFrom = -1;
        for (int e : g.in(node)) {
            byte s = edges[e];
            if (s == UNKNOWN) {
                return;
            }
            if (s == TAKEN) {
                anyTaken = true;
                if (takenFrom < 0 || g.source(e) == predecessor) {
                    takenFrom = g.source(e);
                }
            }
        }
        if (anyTaken) {
            nodes[node] = TAKEN;
            sink.ready(node, predecessor >= 0 && takenFrom == predecessor ? predecessor : takenFrom);
        } else {
            nodes[node] = SKIPPED;
            sink.skipped(node);
            for (int e : g.out(node)) {
                edges[e] = SKIPPED;
                work.add(g.target(e));
            }
        }
    }
}
