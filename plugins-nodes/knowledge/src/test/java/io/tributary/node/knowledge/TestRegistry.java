package io.tributary.node.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;

/**
 * A registry over node type objects (no OSGi): {@code "1"} selects the highest 1.x, as the real registry does;
 * counts open leases.
 */
final class TestRegistry implements NodeTypeRegistry {
    private record Entry(NodeTypeInfo info, NodeType type) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    final AtomicInteger open = new AtomicInteger();

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
        entries.add(new Entry(new NodeTypeInfo(type, tool, version, 1, "io.tributary.node.knowledge", version), nodeType));
        return this;
    }

    private Entry find(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry best = null;
        for (Entry e : entries) {
            String v = e.info().version();
            boolean versionOk = version == null || version.isEmpty() || v.equals(version) || v.startsWith(version + ".");
            boolean toolOk = e.info().tool() == null || e.info().tool().equals(tool);
            if (e.info().type().equals(type) && toolOk && versionOk
                    && (best == null || best.info().version().compareTo(v) < 0)) {
                best = e;
            }
        }
        if (best == null) {
            throw new NodeTypeNotInstalledException(type, version);
        }
        return best;
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
