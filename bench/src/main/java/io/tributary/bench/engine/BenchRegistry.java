package io.tributary.bench.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;

/**
 * A registry of three trivial node types — {@code start}, {@code noop} and {@code end} (a response node
 * without template) — each returning one constant output. Leases cost one small object, as in a real
 * registry that has already resolved the type.
 */
final class BenchRegistry implements NodeTypeRegistry {
    private static final NodeResult RESULT = NodeResult.of(Map.of("text", "ok"));
    private static final NodeExecutor EXECUTOR = ctx -> RESULT;

    private record Trivial(ExecutionType executionType) implements NodeType {
        @Override
        public NodeExecutor create(io.tributary.api.model.GraphNode node) {
            return EXECUTOR;
        }
    }

    private record Entry(NodeTypeInfo info, NodeType type) {
    }

    private final Map<String, Entry> types = Map.of(
            "start", entry("start", ExecutionType.ROOT),
            "noop", entry("noop", ExecutionType.EXECUTABLE),
            "end", entry("end", ExecutionType.RESPONSE));

    private static Entry entry(String type, ExecutionType et) {
        return new Entry(new NodeTypeInfo(type, null, "1.0.0", 1, "bench.nodes", "1.0.0"), new Trivial(et));
    }

    @Override
    public List<NodeTypeInfo> list() {
        return types.values().stream().map(Entry::info).toList();
    }

    @Override
    public NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry e = types.get(type);
        if (e == null) {
            throw new NodeTypeNotInstalledException(type, version);
        }
        return new NodeTypeLease() {
            @Override
            public NodeTypeInfo info() {
                return e.info();
            }

            @Override
            public NodeType nodeType() {
                return e.type();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public NodeTypeInfo resolve(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry e = types.get(type);
        if (e == null) {
            throw new NodeTypeNotInstalledException(type, version);
        }
        return e.info();
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
