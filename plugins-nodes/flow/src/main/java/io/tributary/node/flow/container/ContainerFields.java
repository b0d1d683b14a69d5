package io.tributary.node.flow.container;

import java.util.List;
import java.util.Map;

/** Data fields shared by {@code iteration} and {@code loop}. */
final class ContainerFields {
    private ContainerFields() {
    }

    /**
     * {@code start_node_id} is optional here (the engine starts from every child without incoming edges when it
     * is absent), but when present it must be a node id.
     */
    static void checkStartNodeId(Map<String, Object> data, List<String> problems) {
        Object v = data.get("start_node_id");
        if (v != null && (!(v instanceof String s) || s.isBlank())) {
            problems.add("'start_node_id' must be the id of the child node to start from");
        }
    }
}
