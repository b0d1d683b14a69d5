package io.tributary.knowledge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged knowledge bundle in a real Felix with SCR: it resolves with the API, Jackson, the framework and
 * SLF4J; the offline embedding service loads ONNX Runtime's native library and the model from inside the bundle;
 * Lucene, running on the bundle's class loader, finds its codecs (written, closed, reopened, searched); the
 * KnowledgeBase component activates against the store bundle's DatasetStore.
 */
class KnowledgeBundleIT {
    private static final String SLF4J = "2.0.17";

    @TempDir
    Path tmp;

    private Framework framework;
    private Bundle knowledge;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.slf4j;version=" + SLF4J, "org.slf4j.event;version=" + SLF4J,
                "org.slf4j.helpers;version=" + SLF4J, "org.slf4j.spi;version=" + SLF4J));
        props.put("tributary.data.dir", tmp.resolve("data").toString());
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String path : System.getProperty("knowledge.it.bundles").split(",")) {
            File jar = new File(path.trim());
            assertTrue(jar.isFile(), "bundle not built: " + jar);
            bundles.add(ctx.installBundle(jar.toURI().toString()));
        }
        for (Bundle b : bundles) {
            b.start();
            assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
            if (b.getSymbolicName().equals("io.tributary.knowledge")) {
                knowledge = b;
            }
        }
        assertNotNull(knowledge);
    }

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    void offlineEmbeddingServiceRunsInsideFelix() throws Exception {
        BundleContext ctx = framework.getBundleContext();
        Class<?> type = knowledge.loadClass("io.tributary.api.knowledge.EmbeddingModel");
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx,
                ctx.createFilter("(&(objectClass=" + type.getName() + ")(io.tributary.embedding.provider=tributary/onnx)"
                        + "(io.tributary.embedding.model=all-MiniLM-L6-v2))"), null);
        // all services: the test's class path holds another copy of the API class, so the system bundle's
        // context would otherwise filter this bundle's service out as not assignable
        tracker.open(true);
        try {
            Object model = tracker.waitForService(30_000);
            assertNotNull(model, "the offline EmbeddingModel service");
            @SuppressWarnings("unchecked")
            List<float[]> vectors = (List<float[]>) type.getMethod("embed", List.class)
                    .invoke(model, List.of("a cat on a mat", "a kitten sitting on a rug", "quarterly tax report"));
            assertEquals(384, vectors.get(0).length);
            assertTrue(dot(vectors.get(0), vectors.get(1)) > dot(vectors.get(0), vectors.get(2)));
            ServiceReference<Object> ref = tracker.getServiceReference();
            assertEquals("tributary/onnx", ref.getProperty("io.tributary.embedding.provider"));
        } finally {
            tracker.close();
        }
    }

    @Test
    void knowledgeBaseServiceIsWiredToTheStore() throws Exception {
        BundleContext ctx = framework.getBundleContext();
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx,
                ctx.createFilter("(objectClass=io.tributary.api.knowledge.KnowledgeBase)"), null);
        tracker.open(true);
        try {
            Object kb = tracker.waitForService(60_000);
            assertNotNull(kb, "KnowledgeBase (needs the store's DatasetStore)");
            Class<?> type = knowledge.loadClass("io.tributary.api.knowledge.KnowledgeBase");
            assertEquals(Set.of(), type.getMethod("indexedSegmentIds", String.class).invoke(kb, "unknown"));
            Class<?> settings = knowledge.loadClass("io.tributary.api.knowledge.RetrievalSettings");
            Object defaults = settings.getMethod("defaults").invoke(null);
            java.lang.reflect.InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.lang.reflect.InvocationTargetException.class, () -> type.getMethod("retrieve", String.class,
                            String.class, settings).invoke(kb, "unknown", "q", defaults));
            assertEquals("io.tributary.api.knowledge.KnowledgeException", e.getCause().getClass().getName());
            assertTrue(e.getCause().getMessage().contains("does not exist"), e.getCause().getMessage());
        } finally {
            tracker.close();
        }
    }

    @Test
    void luceneFindsItsCodecsOnTheBundleClassLoader() throws Exception {
        Class<?> indexes = knowledge.loadClass("io.tributary.knowledge.index.DatasetIndexes");
        Class<?> entry = knowledge.loadClass("io.tributary.knowledge.index.IndexEntry");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object kind = Enum.valueOf((Class) knowledge.loadClass("io.tributary.knowledge.index.IndexEntry$Kind"),
                "SEGMENT");
        Constructor<?> newEntry = entry.getConstructors()[0];
        float[] v = new float[] {0.6f, 0.8f};
        Object e = newEntry.newInstance("s1", "s1", kind, "rivers flow into the sea", v, true);
        Path root = tmp.resolve("idx");
        for (int round = 0; round < 2; round++) {
            try (AutoCloseable all = (AutoCloseable) indexes.getConstructor(Path.class).newInstance(root)) {
                Object index = indexes.getMethod("get", String.class).invoke(all, "ds");
                if (round == 0) {
                    index.getClass().getMethod("replaceDocument", String.class, List.class)
                            .invoke(index, "d1", List.of(e));
                }
                // round 1 reads what round 0 committed: the segment infos name the codec, found through SPI
                assertEquals(Set.of("s1"), index.getClass().getMethod("segmentIds").invoke(index));
                Method fullText = index.getClass().getMethod("fullText", String.class, int.class,
                        java.util.Collection.class);
                assertEquals(1, ((List<?>) fullText.invoke(index, "rivers", 5, null)).size());
                Method nearest = index.getClass().getMethod("nearest", float[].class, int.class,
                        java.util.Collection.class);
                assertEquals(1, ((List<?>) nearest.invoke(index, v, 5, null)).size());
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
