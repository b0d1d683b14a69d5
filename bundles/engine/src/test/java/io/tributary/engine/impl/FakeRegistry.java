package io.tributary.engine.impl;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/** The engine tests' registry: every node type from one test bundle (id 7). */
final class FakeRegistry extends InMemoryNodeTypeRegistry {

    FakeRegistry add(String type, String version, NodeType nodeType) {
        return add(type, null, version, nodeType);
    }

    FakeRegistry add(String type, String tool, String version, NodeType nodeType) {
        add(new NodeTypeInfo(type, tool, version, 7, "test.bundle", version), nodeType);
        return this;
    }
}
