package io.tributary.node.chunkers;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/** The node types of the chunker graph tests, each at 1.0.0. */
final class ToolRegistry extends InMemoryNodeTypeRegistry {

    ToolRegistry add(String type, String tool, NodeType nodeType) {
        add(new NodeTypeInfo(type, tool, "1.0.0", 1, "test", "1.0.0"), nodeType);
        return this;
    }
}
