package io.tributary.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphEdge;
import io.tributary.engine.impl.domain.Cycles;

class CyclesTest {

    private static GraphEdge e(String from, String to) {
        return new GraphEdge(null, from, null, to);
    }

    @Test
    void findsEachCycleOnceInDocumentOrder() {
        List<String> ids = List.of("s", "a", "b", "c", "d", "x", "y", "z");
        List<GraphEdge> edges = List.of(e("s", "a"), e("a", "b"), e("b", "c"), e("c", "a"), e("c", "d"),
                e("z", "y"), e("y", "x"), e("x", "z"), e("d", "d"));
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d"), List.of("x", "y", "z")), Cycles.find(ids, edges));
    }

    @Test
    void aDiamondIsNoCycle() {
        assertEquals(List.of(), Cycles.find(List.of("s", "l", "r", "j"),
                List.of(e("s", "l"), e("s", "r"), e("l", "j"), e("r", "j"))));
    }

    @Test
    void longChainsDoNotOverflowTheStack() {
        int n = 50_000;
        List<String> ids = new ArrayList<>(n);
        List<GraphEdge> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add("n" + i);
            if (i > 0) {
                edges.add(e("n" + (i - 1), "n" + i));
            }
        }
        assertEquals(List.of(), Cycles.find(ids, edges));
        edges.add(e("n" + (n - 1), "n0"));
        assertEquals(n, Cycles.find(ids, edges).get(0).size());
    }
}
