package io.tributary.engine.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;

/** An in-memory registry: (type, tool, version) → NodeType, counting leases. Versions match by prefix. */
final class FakeRegistry implements NodeTypeRegistry {
    private record Installed(NodeTypeInfo info, NodeType nodeType) {
    }

    /** Accepts every node. */
    static final NodeType ACCEPT_ALL = new NodeType() {
        @Override
        public NodeExecutor create(GraphNode node) {
            throw new UnsupportedOperationException("not run in these tests");
        }
    };

    private final List<Installed> installed = new ArrayList<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger acquired = new AtomicInteger();

    FakeRegistry install(String type, String version) {
        return install(type, null, version, ACCEPT_ALL);
    }

    FakeRegistry install(String type, String tool, String version, NodeType nodeType) {
        installed.add(new Installed(new NodeTypeInfo(type, tool, version, 1, "test." + type, version), nodeType));
        return this;
    }

    FakeRegistry uninstall(String type) {
        installed.removeIf(i -> i.info().type().equals(type));
        return this;
    }

    /** Every flow node type of the workflow fixture, at 1.0.0 (assigner also at 2.0.0), and its tool. */
    static FakeRegistry flowTypes() {
        FakeRegistry r = new FakeRegistry();
        for (String t : List.of("start", "end", "answer", "if-else", "variable-aggregator", "template-transform",
                "list-operator", "assigner", "iteration", "iteration-start", "loop", "loop-start", "loop-end",
                "http-request", "code", "llm")) {
            r.install(t, "1.0.0");
        }
        r.install("assigner", "2.0.0");
        r.install("tool", "langgenius/time/time/current_time", "1.0.0", ACCEPT_ALL);
        return r;
    }

    /** Every node type of the pipeline fixture. */
    static FakeRegistry pipelineTypes() {
        FakeRegistry r = new FakeRegistry();
        for (String t : List.of("datasource", "document-extractor", "variable-aggregator", "knowledge-index")) {
            r.install(t, "1.0.0");
        }
        r.install("tool", "langgenius/general_chunker/general_chunker/general_chunker", "0.0.7", ACCEPT_ALL);
        return r;
    }

    @Override
    public List<NodeTypeInfo> list() {
        return installed.stream().map(Installed::info).toList();
    }

    @Override
    public NodeTypeInfo resolve(String type, String tool, String version) throws NodeTypeNotInstalledException {
        return find(type, tool, version).info();
    }

    @Override
    public NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException {
        Installed i = find(type, tool, version);
        open.incrementAndGet();
        acquired.incrementAndGet();
        return new NodeTypeLease() {
            private boolean closed;

            @Override
            public NodeTypeInfo info() {
                return i.info();
            }

            @Override
            public NodeType nodeType() {
                return i.nodeType();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                }
            }
        };
    }

    private Installed find(String type, String tool, String version) throws NodeTypeNotInstalledException {
        return installed.stream()
                .filter(i -> i.info().type().equals(type) && Objects.equals(i.info().tool(), tool))
                .filter(i -> version == null || version.isEmpty() || i.info().version().equals(version)
                        || i.info().version().startsWith(version + "."))
                .max(Comparator.comparing(i -> i.info().version()))
                .orElseThrow(() -> new NodeTypeNotInstalledException(tool == null ? type : type + ":" + tool,
                        version));
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
