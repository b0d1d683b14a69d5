package io.tributary.engine.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;

/** A registry over node types added by tests; counts open leases and records every requested version. */
final class FakeRegistry implements NodeTypeRegistry {
    record Entry(NodeTypeInfo info, NodeType type) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();
    final AtomicInteger open = new AtomicInteger();
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    FakeRegistry add(String type, String version, NodeType nodeType) {
        return add(type, null, version, nodeType);
    }

    FakeRegistry add(String type, String tool, String version, NodeType nodeType) {
        entries.add(new Entry(new NodeTypeInfo(type, tool, version, 7, "test.bundle", version), nodeType));
        return this;
    }

    @Override
    public List<NodeTypeInfo> list() {
        return entries.stream().map(Entry::info).toList();
    }

    private Entry find(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry best = null;
        for (Entry e : entries) {
            boolean toolOk = tool == null ? e.info().tool() == null : tool.equals(e.info().tool());
            boolean versionOk = version == null || version.isEmpty() || e.info().version().equals(version)
                    || e.info().version().startsWith(version + ".");
            if (e.info().type().equals(type) && toolOk && versionOk
                    && (best == null || best.info().version().compareTo(e.info().version()) < 0)) {
                best = e;
            }
        }
        if (best == null) {
            throw new NodeTypeNotInstalledException(tool == null ? type : type + ":" + tool, version);
        }
        return best;
    }

    @Override
    public NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException {
        requests.add(type + (tool == null ? "" : "[" + tool + "]") + "@" + version);
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
