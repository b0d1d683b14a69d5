package io.tributary.engine.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;

/**
 * A node-type registry over plain objects, for tests that run graphs without OSGi (shared with the node plugins'
 * tests through the engine's test jar). Resolution follows the real registry: same type and tool, a version of
 * {@code "1"} or {@code "1.2"} selects the highest installed version under it, none selects the highest of all.
 * It counts open and acquired leases and records every request (unless made with
 * {@code recordRequests = false}, as the bench does: a benchmark acquires millions of leases).
 */
public class InMemoryNodeTypeRegistry implements NodeTypeRegistry {
    /** An installed node type. */
    public record Entry(NodeTypeInfo info, NodeType type) {
    }

    public final List<Entry> entries = new CopyOnWriteArrayList<>();
    /** Leases acquired and not yet closed. */
    public final AtomicInteger open = new AtomicInteger();
    /** Leases acquired in all. */
    public final AtomicInteger acquired = new AtomicInteger();
    /** Every acquire request, as {@code type[tool]@version}. */
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final boolean recordRequests;

    /** A registry that records every request in {@link #requests}. */
    public InMemoryNodeTypeRegistry() {
        this(true);
    }

    /** A registry that records requests or not (then {@link #requests} stays empty). */
    public InMemoryNodeTypeRegistry(boolean recordRequests) {
        this.recordRequests = recordRequests;
    }

    /** Installs a node type described by {@code info}. */
    public InMemoryNodeTypeRegistry add(NodeTypeInfo info, NodeType nodeType) {
        entries.add(new Entry(info, nodeType));
        return this;
    }

    /** Removes every version of {@code type}. */
    public InMemoryNodeTypeRegistry remove(String type) {
        entries.removeIf(e -> e.info().type().equals(type));
        return this;
    }

    @Override
    public List<NodeTypeInfo> list() {
        return entries.stream().map(Entry::info).toList();
    }

    /** The best installed match, as the real registry chooses it. */
    protected Entry find(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry best = null;
        for (Entry e : entries) {
            String v = e.info().version();
            boolean versionOk = version == null || version.isEmpty() || v.equals(version) || v.startsWith(version + ".");
            if (e.info().type().equals(type) && Objects.equals(e.info().tool(), tool) && versionOk
                    && (best == null || best.info().version().compareTo(v) < 0)) {
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
        if (recordRequests) {
            requests.add(type + (tool == null ? "" : "[" + tool + "]") + "@" + version);
        }
        Entry e = find(type, tool, version);
        open.incrementAndGet();
        acquired.incrementAndGet();
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
