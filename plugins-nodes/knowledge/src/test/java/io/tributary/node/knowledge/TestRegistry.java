package io.tributary.node.knowledge;

import java.util.Map;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/** The node types of the knowledge graph tests; {@code "1"} selects the highest 1.x, as the real registry does. */
final class TestRegistry extends InMemoryNodeTypeRegistry {

    /** Keys are {@code type@version}, or {@code type#tool@version} for tools. */
    TestRegistry(Map<String, NodeType> types) {
        types.forEach((key, type) -> {
            String name = key.substring(0, key.indexOf('@'));
            int hash = name.indexOf('#');
            add(hash < 0 ? name : name.substring(0, hash), hash < 0 ? null : name.substring(hash + 1),
                    key.substring(key.indexOf('@') + 1), type);
        });
    }

    TestRegistry add(String type, String tool, String version, NodeType nodeType) {
        add(new NodeTypeInfo(type, tool, version, 1, "io.tributary.node.knowledge", version), nodeType);
        return this;
    }
}
