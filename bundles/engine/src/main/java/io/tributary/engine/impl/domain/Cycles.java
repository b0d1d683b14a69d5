package io.tributary.engine.impl.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphEdge;

/**
 * Finds the cycles of a graph as its strongly connected components (Tarjan, iterative so that a long chain
 * cannot overflow the stack). Each cycle lists its node ids in document order; cycles come in the document
 * order of their first node.
 */
public final class Cycles {
    private Cycles() {
    }

    public static List<List<String>> find(Collection<String> nodeIds, List<GraphEdge> edges) {
        Map<String, Integer> order = new HashMap<>();
        List<String> ids = new ArrayList<>(nodeIds);
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<List<Integer>> next = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            next.add(new ArrayList<>());
        }
        boolean[] selfLoop = new boolean[ids.size()];
        for (GraphEdge e : edges) {
            Integer from = order.get(e.source());
            Integer to = order.get(e.target());
            if (from != null && to != null) {
                next.get(from).add(to);
                selfLoop[from] |= from.equals(to);
            }
        }
        List<List<Integer>> components = new Tarjan(next).run();
        List<List<String>> cycles = new ArrayList<>();
        components.stream()
                .filter(c -> c.size() > 1 || selfLoop[c.get(0)])
                .map(c -> c.stream().sorted().toList())
                .sorted((a, b) -> Integer.compare(a.get(0), b.get(0)))
                .forEach(c -> cycles.add(c.stream().map(ids::get).toList()));
        return cycles;
    }

    private static final class Tarjan {
        private final List<List<Integer>> next;
        private final int[] index;
        private final int[] low;
        private final boolean[] onStack;
        private final Deque<Integer> stack = new ArrayDeque<>();
        private final List<List<Integer>> components = new ArrayList<>();
        private int counter;

        Tarjan(List<List<Integer>> next) {
            this.next = next;
            int n = next.size();
            index = new int[n];
            low = new int[n];
            onStack = new boolean[n];
            java.util.Arrays.fill(index, -1);
        }

        List<List<Integer>> run() {
            for (int v = 0; v < next.size(); v++) {
                if (index[v] < 0) {
                    visit(v);
                }
            }
            return components;
        }

        /** Depth-first search with an explicit stack of (node, next child position). */
        private void visit(int root) {
            Deque<int[]> work = new ArrayDeque<>();
            open(root);
            work.push(new int[] {root, 0});
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int v = frame[0];
                List<Integer> children = next.get(v);
                if (frame[1] < children.size()) {
                    int w = children.get(frame[1]++);
                    if (index[w] < 0) {
                        open(w);
                        work.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    components.add(component);
                }
            }
        }

        private void open(int v) {
            index[v] = counter;
            low[v] = counter++;
            stack.push(v);
            onStack[v] = true;
        }
    }
}
