package io.tributary.store.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged store bundle in a real Felix with SCR and Config Admin: it resolves with nothing but the API
 * bundle, the framework and SLF4J (from the system bundle), migrates, and serves keys, datasets with their documents
 * and the pipeline queue, for H2 and PostgreSQL.
 */
class StoreBundleIT {
    private static final long TIMEOUT_MS = 60_000;
    private static final String SLF4J = "2.0.17";
    private static final String PG_URL = System.getProperty("tributary.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("tributary.test.pg.user", "postgres");

    @TempDir
    Path tmp;

    private Framework framework;
    private Bundle api;
    private Bundle store;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.slf4j;version=" + SLF4J, "org.slf4j.event;version=" + SLF4J,
                "org.slf4j.helpers;version=" + SLF4J, "org.slf4j.spi;version=" + SLF4J));
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();

        List<Bundle> bundles = new ArrayList<>();
        for (String path : System.getProperty("store.it.bundles").split(",")) {
            File jar = new File(path.trim());
            assertTrue(jar.isFile(), "bundle not built: " + jar);
            bundles.add(ctx.installBundle(jar.toURI().toString()));
        }
        for (Bundle b : bundles) {
            b.start();
            assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
            switch (b.getSymbolicName()) {
                case "io.tributary.api" -> api = b;
                case "io.tributary.store" -> store = b;
                default -> { }
            }
        }
        assertNotNull(api, "api bundle");
        assertNotNull(store, "store bundle");
    }

    @AfterEach
    void stopFramework() throws Exception {
        trackers.forEach(ServiceTracker::close);
        if (framework != null) {
            framework.stop();
            framework.waitForStop(TIMEOUT_MS);
        }
    }

    @Test
    void embeddedH2() throws Exception {
        Path dataDir = tmp.resolve("data");
        configure(Map.of("data.dir", dataDir.toString()));

        issueAndVerify();
        saveAndRead(dataDir);
        queueADocument();

        assertTrue(Files.exists(dataDir.resolve("db/tributary.mv.db")), "H2 file in data.dir/db");
        // Stopping the bundle closes the pool and with it the database: the file can be opened from outside.
        store.stop();
        String url = "jdbc:h2:file:" + dataDir.resolve("db/tributary") + ";IFEXISTS=TRUE";
        assertEquals(1, count(url, "sa", "SELECT COUNT(*) FROM api_keys"));
        assertEquals(1, count(url, "sa", "SELECT COUNT(*) FROM documents"));
    }

    @Test
    void uninstallLeavesNoClassLoaderBehind() throws Exception {
        configure(Map.of("data.dir", tmp.resolve("data").toString()));
        issueAndVerify();
        WeakReference<ClassLoader> loader = new WeakReference<>(store.adapt(BundleWiring.class).getClassLoader());
        trackers.forEach(ServiceTracker::close);
        trackers.clear();

        store.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(store), e -> refreshed.countDown());
        assertTrue(refreshed.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "refresh");

        // Whatever still points into the bundle (a driver in DriverManager, a shutdown hook, a thread, a
        // thread-local on a framework thread) keeps its class loader reachable.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int i = 0; i < pressure.length; i++) {
                pressure[i] = new byte[1 << 20];
            }
        }
        assertNull(loader.get(), "class loader of the uninstalled store bundle is still reachable");
    }

    @Test
    void postgresql() throws Exception {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            execute(PG_URL, "CREATE SCHEMA " + schema);
        } catch (Exception e) {
            String message = "PostgreSQL not reachable at " + PG_URL + ": skipping (" + e.getMessage() + ")";
            System.out.println(message);
            Assumptions.abort(message);
        }
        try {
            configure(Map.of("url", PG_URL + "?currentSchema=" + schema, "user", PG_USER, ".password", ""));

            issueAndVerify();
            queueADocument();

            assertEquals(1, count(PG_URL + "?currentSchema=" + schema, PG_USER, "SELECT COUNT(*) FROM pipeline_items"));
            assertEquals(1, count(PG_URL + "?currentSchema=" + schema, PG_USER, "SELECT COUNT(*) FROM api_keys"));
        } finally {
            store.stop();
            execute(PG_URL, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** Pushes the store configuration through Config Admin; the API is used reflectively (not on our path). */
    private void configure(Map<String, String> values) throws Exception {
        ServiceTracker<Object, Object> cmTracker = track("org.osgi.service.cm.ConfigurationAdmin");
        Object cm = cmTracker.getService();
        Bundle cmBundle = cmTracker.getServiceReference().getBundle();
        Class<?> cmType = cmBundle.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configType = cmBundle.loadClass("org.osgi.service.cm.Configuration");
        Object config = cmType.getMethod("getConfiguration", String.class, String.class)
                .invoke(cm, "io.tributary.store", "?");
        Dictionary<String, Object> dict = new Hashtable<>(values);
        configType.getMethod("update", Dictionary.class).invoke(config, dict);
    }

    /** Issues an app key through the ApiKeyStore service inside the framework and verifies it. */
    private void issueAndVerify() throws Exception {
        Object keys = track("io.tributary.api.store.ApiKeyStore").getService();
        Class<?> storeType = api.loadClass("io.tributary.api.store.ApiKeyStore");
        Class<?> kindType = api.loadClass("io.tributary.api.store.dto.KeyKind");
        Object app = null;
        for (Object kind : kindType.getEnumConstants()) {
            if (((Enum<?>) kind).name().equals("APP")) {
                app = kind;
            }
        }
        Object issued = storeType.getMethod("issue", kindType, String.class).invoke(keys, app, "it-app");
        String secret = (String) api.loadClass("io.tributary.api.store.dto.IssuedKey").getMethod("secret").invoke(issued);
        assertTrue(secret.startsWith("app-"), secret);

        Method verify = storeType.getMethod("verify", String.class);
        assertTrue(((Optional<?>) verify.invoke(keys, secret)).isPresent(), "issued key verifies");
        assertFalse(((Optional<?>) verify.invoke(keys, secret + "x")).isPresent(), "other key does not");
    }

    /**
     * Through the DatasetStore and PipelineQueue services inside the framework: creates a dataset, one document with
     * its queued item, claims the item and completes it (document and item together).
     */
    private void queueADocument() throws Exception {
        Object datasets = track("io.tributary.api.store.DatasetStore").getService();
        Object queue = track("io.tributary.api.store.PipelineQueue").getService();
        Class<?> storeType = api.loadClass("io.tributary.api.store.DatasetStore");
        Class<?> queueType = api.loadClass("io.tributary.api.store.PipelineQueue");
        Class<?> newDataset = api.loadClass("io.tributary.api.store.dto.NewDataset");
        Class<?> newDocument = api.loadClass("io.tributary.api.store.dto.NewDocument");
        Class<?> runSpec = api.loadClass("io.tributary.api.store.dto.PipelineRunSpec");

        Object dataset = storeType.getMethod("createDataset", newDataset).invoke(datasets,
                newDataset.getConstructors()[0].newInstance("it", "", "text_model", "economy", "", "", 10,
                        Map.of("search_method", "keyword_search"), "kind: rag_pipeline\n", "it"));
        String datasetId = (String) dataset.getClass().getMethod("id").invoke(dataset);
        Object document = newDocument.getConstructors()[0].newInstance("a.txt", "local_file",
                Map.of("related_id", "upload-1"));
        Object run = runSpec.getConstructors()[0].newInstance("wf-1", "datasource", Map.of(), "it");
        List<?> created = (List<?>) storeType.getMethod("createDocuments", String.class, String.class, String.class,
                List.class, runSpec).invoke(datasets, datasetId, "20250801123000483920", "rag-pipeline",
                List.of(document), run);
        assertEquals(1, created.size());
        Object doc = created.get(0);
        assertEquals(1, doc.getClass().getMethod("position").invoke(doc));
        assertEquals("waiting", doc.getClass().getMethod("indexingStatus").invoke(doc));

        List<?> claimed = (List<?>) queueType.getMethod("claim", int.class).invoke(queue, 5);
        assertEquals(1, claimed.size(), "the document's item is queued");
        Object item = claimed.get(0);
        assertEquals(doc.getClass().getMethod("id").invoke(doc), item.getClass().getMethod("documentId").invoke(item));
        Class<?> statusType = api.loadClass("io.tributary.api.store.dto.IndexingStatus");
        Class<?> itemType = api.loadClass("io.tributary.api.store.dto.PipelineItem");
        Object completed = statusType.getMethod("of", String.class).invoke(null, "completed");
        queueType.getMethod("complete", itemType, statusType, String.class).invoke(queue, item, completed, null);
        assertEquals(0L, queueType.getMethod("pending").invoke(queue));
        Object done = storeType.getMethod("document", String.class).invoke(datasets, doc.getClass().getMethod("id")
                .invoke(doc));
        Object record = ((Optional<?>) done).orElseThrow();
        assertEquals("completed", record.getClass().getMethod("indexingStatus").invoke(record),
                "the document ends with its item, in one transaction");
    }

    /** Saves an upload through the FileStore service and reads it back; the blob lands in data.dir/files. */
    private void saveAndRead(Path dataDir) throws Exception {
        Object files = track("io.tributary.api.store.FileStore").getService();
        Class<?> storeType = api.loadClass("io.tributary.api.store.FileStore");
        byte[] content = "bundle file".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Object saved = storeType.getMethod("save", String.class, String.class, String.class,
                java.io.InputStream.class, long.class).invoke(files, "it.txt", null, "it",
                new java.io.ByteArrayInputStream(content), 1024L);
        Class<?> uploadType = api.loadClass("io.tributary.api.store.dto.UploadFile");
        String id = (String) uploadType.getMethod("id").invoke(saved);
        String sha = (String) uploadType.getMethod("sha256").invoke(saved);
        assertEquals("text/plain", uploadType.getMethod("mimeType").invoke(saved));
        assertTrue(Files.isRegularFile(dataDir.resolve("files").resolve(sha.substring(0, 2)).resolve(sha)));
        try (java.io.InputStream in = (java.io.InputStream) storeType.getMethod("open", String.class).invoke(files, id)) {
            assertEquals("bundle file", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Tracks all services of that name (the test does not import their packages) and waits for one. */
    private ServiceTracker<Object, Object> track(String className) throws InterruptedException {
        // Kept open until the end of the test: releasing a delayed DS service deactivates its component.
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), className, null);
        trackers.add(tracker);
        tracker.open(true);
        assertNotNull(tracker.waitForService(TIMEOUT_MS), className + " did not appear within " + TIMEOUT_MS
                + " ms; store bundle state " + store.getState());
        return tracker;
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(String url, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
