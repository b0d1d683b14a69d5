package io.tributary.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;

/** The node types of a test, one version each, keyed by type (and tool for {@code tool}). */
final class TestRegistry implements NodeTypeRegistry {
    private final Map<String, NodeType> types = new ConcurrentHashMap<>();

    TestRegistry add(String type, String tool, NodeType nodeType) {
        types.put(key(type, tool), nodeType);
        return this;
    }

    private static String key(String type, String tool) {
        return tool == null ? type : type + "|" + tool;
    }

    private static NodeTypeInfo info(String type, String tool) {
        return new NodeTypeInfo(type, tool, "1.0.0", 1, "test", "1.0.0");
    }

    @Override
    public List<NodeTypeInfo> list() {
        return types.keySet().stream().map(k -> {
            String[] p = k.split("\\|", 2);
            return info(p[0], p.length > 1 ? p[1] : null);
        }).toList();
    }

    @Override
    public NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException {
        NodeType t = types.get(key(type, tool));
        if (t == null) {
            throw new NodeTypeNotInstalledException(tool == null ? type : type + ":" + tool, version);
        }
        NodeTypeInfo info = info(type, tool);
        return new NodeTypeLease() {
            @Override
            public NodeTypeInfo info() {
                return info;
            }

            @Override
            public NodeType nodeType() {
                return t;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public NodeTypeInfo resolve(String type, String tool, String version) throws NodeTypeNotInstalledException {
        return acquire(type, tool, version).info();
    }

    @Override
    public int inFlight(long bundleId) {
        return 0;
    }

    @Override
    public boolean awaitDrained(long bundleId, Duration timeout) {
        return true;
    }
}
