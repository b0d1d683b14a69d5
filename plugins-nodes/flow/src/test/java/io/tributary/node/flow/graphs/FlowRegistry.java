package io.tributary.node.flow.graphs;

import java.util.Map;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/** The flow node types under test, as one bundle; {@code "1"} selects the highest 1.x, as the real registry does. */
final class FlowRegistry extends InMemoryNodeTypeRegistry {

    /** Keys are {@code type@version}. */
    FlowRegistry(Map<String, NodeType> types) {
        types.forEach((key, type) -> add(key.substring(0, key.indexOf('@')), key.substring(key.indexOf('@') + 1), type));
    }

    FlowRegistry add(String type, String version, NodeType nodeType) {
        add(new NodeTypeInfo(type, null, version, 1, "io.tributary.node.flow", version), nodeType);
        return this;
    }
}
