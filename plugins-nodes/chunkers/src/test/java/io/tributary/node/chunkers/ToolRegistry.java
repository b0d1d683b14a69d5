package io.tributary.node.chunkers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;

/** A registry over node type objects (no OSGi) that resolves {@code tool} nodes by tool key, as the real one does. */
final class ToolRegistry implements NodeTypeRegistry {
    private record Entry(NodeTypeInfo info, NodeType type) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    final AtomicInteger open = new AtomicInteger();

    ToolRegistry add(String type, String tool, NodeType nodeType) {
        entries.add(new Entry(new NodeTypeInfo(type, tool, "1.0.0", 1, "test", "1.0.0"), nodeType));
        return this;
    }

    private Entry find(String type, String tool, String version) throws NodeTypeNotInstalledException {
        return entries.stream()
                .filter(e -> e.info().type().equals(type) && Objects.equals(e.info().tool(), tool)
                        && (version == null || version.isEmpty() || e.info().version().startsWith(version)))
                .findFirst().orElseThrow(() -> new NodeTypeNotInstalledException(type, version));
    }

    @Override
    public List<NodeTypeInfo> list() {
        return entries.stream().map(Entry::info).toList();
    }

    @Override
    public NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry e = find(type, tool, version);
        open.incrementAndGet();
        return new NodeTypeLease() {
            private boolean closed;

            @Override
            public NodeTypeInfo info() {
                return e.info();
            }

            @Override
            public NodeType nodeType() {
                return e.type();
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                }
            }
        };
    }

    @Override
    public NodeTypeInfo resolve(String type, String tool, String version) throws NodeTypeNotInstalledException {
        return find(type, tool, version).info();
    }

    @Override
    public int inFlight(long bundleId) {
        return open.get();
    }

    @Override
    public boolean awaitDrained(long bundleId, Duration timeout) {
        return open.get() == 0;
    }
}
