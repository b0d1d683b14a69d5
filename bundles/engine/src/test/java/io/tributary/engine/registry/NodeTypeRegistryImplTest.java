package io.tributary.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;

class NodeTypeRegistryImplTest {
    static final AtomicLong SERVICE_IDS = new AtomicLong(1);

    final NodeTypeRegistryImpl registry = new NodeTypeRegistryImpl();

    static NodeType type() {
        return node -> ctx -> NodeResult.of(Map.of());
    }

    @SuppressWarnings("unchecked")
    static ServiceReference<NodeType> ref(long bundleId, String bundleVersion, Map<String, Object> props) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundleId" -> bundleId;
                    case "getSymbolicName" -> "io.example.nodes";
                    case "getVersion" -> Version.parseVersion(bundleVersion);
                    default -> null;
                });
        Map<String, Object> all = new HashMap<>(props);
        all.put(Constants.SERVICE_ID, SERVICE_IDS.getAndIncrement());
        return (ServiceReference<NodeType>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (p, m, a) -> switch (m.getName()) {
                    case "getProperty" -> all.get((String) a[0]);
                    case "getBundle" -> bundle;
                    default -> null;
                });
    }

    @Test
    void highestVersionWinsUnlessPinned() throws Exception {
        NodeType v1 = type();
        NodeType v2 = type();
        registry.addNodeType(v1, ref(10, "1.4.0", Map.of(NodeTypeProperties.TYPE, "echo")));
        registry.addNodeType(v2, ref(11, "2.0.1", Map.of(NodeTypeProperties.TYPE, "echo")));

        assertEquals("2.0.1", registry.resolve("echo", null, null).version());
        assertEquals("1.4.0", registry.resolve("echo", null, "1").version());
        try (NodeTypeLease lease = registry.acquire("echo", null, "1")) {
            assertSame(v1, lease.nodeType());
            assertEquals(10, lease.info().bundleId());
        }
        assertEquals(List.of("1.4.0", "2.0.1"), registry.list().stream().map(i -> i.version()).toList());
    }

    @Test
    void aMissingTypeOrVersionSaysSoPrecisely() {
        registry.addNodeType(type(), ref(10, "1.0.0", Map.of(NodeTypeProperties.TYPE, "end")));
        assertEquals("node type 'llm' version 'latest' is not installed",
                assertThrows(NodeTypeNotInstalledException.class, () -> registry.resolve("llm", null, null)).getMessage());
        assertEquals("node type 'end' version '2' is not installed",
                assertThrows(NodeTypeNotInstalledException.class, () -> registry.resolve("end", null, "2")).getMessage());
        assertEquals("node type 'end' version 'x.y' is not installed",
                assertThrows(NodeTypeNotInstalledException.class, () -> registry.resolve("end", null, "x.y")).getMessage());
    }

    @Test
    void toolsResolveByProviderAndToolName() throws Exception {
        String chunker = "langgenius/general_chunker/general_chunker/general_chunker";
        registry.addNodeType(type(), ref(12, "1.0.0", Map.of(NodeTypeProperties.TYPE, "tool", NodeTypeProperties.TOOL, chunker)));
        assertEquals(chunker, registry.resolve("tool", chunker, "1").tool());
        assertThrows(NodeTypeNotInstalledException.class, () -> registry.resolve("tool", "other/x/x/x", null));
        assertThrows(NodeTypeNotInstalledException.class, () -> registry.resolve("tool", null, null));
    }

    @Test
    void anExplicitVersionPropertyBeatsTheBundleVersion() throws Exception {
        registry.addNodeType(type(), ref(13, "0.1.0.2026", Map.of(NodeTypeProperties.TYPE, "assigner",
                NodeTypeProperties.VERSION, "2.0.0")));
        assertEquals("2.0.0", registry.resolve("assigner", null, "2").version());
    }

    @Test
    void servicesWithoutATypeAreIgnoredAndRemovalForgetsThem() {
        registry.addNodeType(type(), ref(14, "1.0.0", Map.of()));
        assertTrue(registry.list().isEmpty());
        ServiceReference<NodeType> r = ref(14, "1.0.0", Map.of(NodeTypeProperties.TYPE, "x"));
        NodeType t = type();
        registry.addNodeType(t, r);
        registry.removeNodeType(t, r);
        assertTrue(registry.list().isEmpty());
    }

    @Test
    void leasesCountPerBundleAndDrainWakesTheWaiter() throws Exception {
        registry.addNodeType(type(), ref(20, "1.0.0", Map.of(NodeTypeProperties.TYPE, "echo")));
        NodeTypeLease a = registry.acquire("echo", null, null);
        NodeTypeLease b = registry.acquire("echo", null, null);
        assertEquals(2, registry.inFlight(20));
        assertFalse(registry.awaitDrained(20, Duration.ofMillis(10)), "times out while runs hold leases");

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.awaitDrained(20, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        a.close();
        a.close(); // closing twice counts once
        assertEquals(1, registry.inFlight(20));
        b.close();
        assertTrue(drained.get(5, TimeUnit.SECONDS));
        assertEquals(0, registry.inFlight(20));
        assertTrue(registry.awaitDrained(99, Duration.ZERO), "a bundle never used is drained");
    }
}
