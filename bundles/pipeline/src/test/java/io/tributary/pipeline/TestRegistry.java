package io.tributary.pipeline;

import java.util.Objects;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/** The node types of a test, one version each (1.0.0), keyed by type (and tool for {@code tool}). */
final class TestRegistry extends InMemoryNodeTypeRegistry {

    /** Installs {@code nodeType}, replacing an earlier one with the same type and tool. */
    TestRegistry add(String type, String tool, NodeType nodeType) {
        entries.removeIf(e -> e.info().type().equals(type) && Objects.equals(e.info().tool(), tool));
        add(new NodeTypeInfo(type, tool, "1.0.0", 1, "test", "1.0.0"), nodeType);
        return this;
    }
}
