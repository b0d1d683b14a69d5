package io.tributary.engine.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;

/**
 * Tracks every {@link NodeType} service with its (type, tool, version) and providing bundle. Lookups take the
 * highest matching version; leases count in-flight use per bundle so an old version can drain before it is
 * retired.
 */
@Component(service = NodeTypeRegistry.class)
public final class NodeTypeRegistryImpl implements NodeTypeRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NodeTypeRegistryImpl.class);
    private static final Comparator<Entry> HIGHEST_FIRST = Comparator.comparing(Entry::version).reversed()
            .thenComparing(Entry::serviceId);

    /**
     * One registered node type service. The service object is fetched on first use, not when it is registered,
     * so installing a plugin does not activate (and class-load) every node type it carries.
     */
    record Entry(NodeTypeInfo info, Version version, long serviceId, Supplier<NodeType> nodeType) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile ComponentContext context;

    @Activate
    void activate(ComponentContext ctx) {
        this.context = ctx;
    }

    @Reference(name = "nodeTypes", service = NodeType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindNodeType(ServiceReference<NodeType> ref) {
        add(ref, new LazyService(ref));
    }

    void unbindNodeType(ServiceReference<NodeType> ref) {
        remove(ref);
    }

    /** Binds a node type whose object comes from {@code supplier} (tests pass the object directly). */
    void addNodeType(NodeType nodeType, ServiceReference<NodeType> ref) {
        add(ref, () -> nodeType);
    }

    void removeNodeType(NodeType nodeType, ServiceReference<NodeType> ref) {
        remove(ref);
    }

    /** Looks the service up through DS the first time a run needs it, then keeps it. */
    private final class LazyService implements Supplier<NodeType> {
        private final ServiceReference<NodeType> ref;
        private volatile NodeType service;

        LazyService(ServiceReference<NodeType> ref) {
            this.ref = ref;
        }

        @Override
        public NodeType get() {
            NodeType s = service;
            if (s == null) {
                ComponentContext ctx = context;
                s = ctx == null ? null : ctx.locateService("nodeTypes", ref);
                service = s;
            }
            return s;
        }
    }

    private void add(ServiceReference<NodeType> ref, Supplier<NodeType> nodeType) {
        Entry e = entry(nodeType, ref);
        if (e != null) {
            entries.add(e);
            LOG.info("Node type {}{} {} registered by {} {}", e.info().type(),
                    e.info().tool() == null ? "" : " " + e.info().tool(), e.info().version(),
                    e.info().bundleSymbolicName(), e.info().bundleVersion());
        }
    }

    private void remove(ServiceReference<NodeType> ref) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        entries.removeIf(e -> e.serviceId() == id);
    }

    static Entry entry(Supplier<NodeType> nodeType, ServiceReference<NodeType> ref) {
        Object type = ref.getProperty(NodeTypeProperties.TYPE);
        Bundle b = ref.getBundle();
        if (!(type instanceof String t) || t.isBlank() || b == null) {
            LOG.warn("Ignoring a NodeType service without the {} property (service {})", NodeTypeProperties.TYPE,
                    ref.getProperty(Constants.SERVICE_ID));
            return null;
        }
        Object v = ref.getProperty(NodeTypeProperties.VERSION);
        Version version;
        try {
            version = v instanceof String s && !s.isBlank() ? Version.parseVersion(s) : b.getVersion();
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring node type {} of {}: bad version '{}'", t, b.getSymbolicName(), v);
            return null;
        }
        Object tool = ref.getProperty(NodeTypeProperties.TOOL);
        String toolId = tool instanceof String s && !s.isBlank() ? s : null;
        NodeTypeInfo info = new NodeTypeInfo(t, toolId, semver(version), b.getBundleId(), b.getSymbolicName(),
                b.getVersion().toString());
        return new Entry(info, version, (Long) ref.getProperty(Constants.SERVICE_ID), nodeType);
    }

    private static String semver(Version v) {
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    @Override
    public List<NodeTypeInfo> list() {
        List<Entry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing((Entry e) -> e.info().type())
                .thenComparing(e -> e.info().tool() == null ? "" : e.info().tool())
                .thenComparing(Entry::version).thenComparing(Entry::serviceId));
        return copy.stream().map(Entry::info).toList();
    }

    @Override
    public NodeTypeInfo resolve(String type, String tool, String version) throws NodeTypeNotInstalledException {
        return find(type, tool, version).info();
    }

    @Override
    public NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Entry e = find(type, tool, version);
        if (e.nodeType().get() == null) {
            // unregistered between lookup and use
            throw new NodeTypeNotInstalledException(type, version);
        }
        InFlight counter = inFlight.computeIfAbsent(e.info().bundleId(), id -> new InFlight());
        counter.increment();
        return new Lease(e, counter);
    }

    private Entry find(String type, String tool, String version) throws NodeTypeNotInstalledException {
        VersionRequirement req;
        try {
            req = VersionRequirement.parse(version);
        } catch (IllegalArgumentException bad) {
            throw new NodeTypeNotInstalledException(type, version);
        }
        String wantedTool = tool == null || tool.isBlank() ? null : tool;
        return entries.stream()
                .filter(e -> e.info().type().equals(type))
                .filter(e -> wantedTool == null ? e.info().tool() == null : wantedTool.equals(e.info().tool()))
                .filter(e -> req.matches(e.version()))
                .min(HIGHEST_FIRST)
                .orElseThrow(() -> new NodeTypeNotInstalledException(wantedTool == null ? type : type + ":" + wantedTool,
                        version));
    }

    @Override
    public int inFlight(long bundleId) {
        InFlight c = inFlight.get(bundleId);
        return c == null ? 0 : c.count();
    }

    @Override
    public boolean awaitDrained(long bundleId, Duration timeout) throws InterruptedException {
        InFlight c = inFlight.get(bundleId);
        return c == null || c.awaitZero(timeout.toNanos());
    }

    /** Open leases of one bundle, with a monitor to wait for zero on (no polling). */
    static final class InFlight {
        private int count;

        synchronized void increment() {
            count++;
        }

        synchronized void decrement() {
            if (--count == 0) {
                notifyAll();
            }
        }

        synchronized int count() {
            return count;
        }

        synchronized boolean awaitZero(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            while (count > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                long ms = left / 1_000_000;
                wait(ms, (int) (left % 1_000_000));
            }
            return true;
        }
    }

    private static final class Lease implements NodeTypeLease {
        private final Entry entry;
        private final InFlight counter;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(Entry entry, InFlight counter) {
            this.entry = entry;
            this.counter = counter;
        }

        @Override
        public NodeTypeInfo info() {
            return entry.info();
        }

        @Override
        public NodeType nodeType() {
            return entry.nodeType().get();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                counter.decrement();
            }
        }
    }
}
