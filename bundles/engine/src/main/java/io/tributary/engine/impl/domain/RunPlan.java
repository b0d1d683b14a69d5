package io.tributary.engine.impl.domain;

import java.util.List;

import io.tributary.api.engine.NodeTypeLease;

/**
 * A graph ready to run: its structure, every node resolved, and the leases to close when the run ends.
 *
 * @param structure   the indexed graph
 * @param nodes       the resolved nodes, by index
 * @param leases      one per node, closed when the run ends
 * @param startNode   the chosen root index, or -1 for every root
 */
public record RunPlan(GraphStructure structure, NodeSpec[] nodes, List<NodeTypeLease> leases, int startNode) {

    /** Closes every lease (each only once). */
    public void release() {
        for (NodeTypeLease l : leases) {
            try {
                l.close();
            } catch (RuntimeException e) {
                // a lease never throws; keep closing the others regardless
            }
        }
    }
}
