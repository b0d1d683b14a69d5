package io.tributary.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds Felix: starts the core bundle set from {@code bundle/} (plugins from the framework cache are left for the
 * engine to start), hands settings to Config Admin, then starts FileInstall on {@code deploy/}. {@link #stop()} stops the framework, which deactivates the HTTP bundle first
 * (no new runs) and lets the engine finish running ones within the shutdown timeout.
 */
final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    /** The SLF4J packages the launcher shares with bundles through the system bundle. */
    static final String SLF4J_PACKAGES = "org.slf4j;version=%1$s,org.slf4j.event;version=%1$s,"
            + "org.slf4j.helpers;version=%1$s,org.slf4j.spi;version=%1$s";

    private final Settings settings;
    private final String adminTokenSha256;
    private final StartingBundles starting = new StartingBundles();
    private Framework framework;

    Launcher(Settings settings, String adminTokenSha256) {
        this.settings = settings;
        this.adminTokenSha256 = adminTokenSha256;
    }

    Framework framework() {
        return framework;
    }

    /** The bundles whose activator is running now (for the shutdown hook's last words). */
    List<String> bundlesStarting() {
        return starting.now();
    }

    void start() throws Exception {
        Path home = settings.home();
        Path data = settings.dataDir();
        Path bundleDir = home.resolve("bundle");
        Path deployDir = home.resolve("deploy");
        Files.createDirectories(data);
        Files.createDirectories(deployDir);

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        StartupTimes times = new StartupTimes();
        framework = factory.newFramework(frameworkProperties(home, data, bundleDir, deployDir));
        framework.init();
        var ctx = framework.getBundleContext();
        ctx.addBundleListener(starting);
        times.mark("framework init");
        CoreBundles coreBundles = new CoreBundles(bundleDir);
        List<Bundle> core = coreBundles.sync(ctx);
        // Plugins are started by the engine (each within a time limit, journalled, quarantined when it fails or
        // ends the process) and FileInstall, never by the framework itself from its cache.
        coreBundles.clearPluginAutostart(ctx);
        framework.start();
        times.mark("install/sync bundle/");

        // Config Admin first, so components find their configuration when they activate.
        for (Bundle b : core) {
            if (CoreBundles.CONFIG_ADMIN.equals(b.getSymbolicName())) {
                b.start(Bundle.START_TRANSIENT);
            }
        }
        new ConfigPublisher(ctx).publish(configurations(data));
        times.mark("configuration");

        ctx.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(core);
        times.mark("resolve");
        Bundle fileInstall = null;
        Thread httpLane = null;
        for (Bundle b : core) {
            if (CoreBundles.FILE_INSTALL.equals(b.getSymbolicName())) {
                fileInstall = b;
            } else if (CoreBundles.HTTP.equals(b.getSymbolicName())) {
                // Jetty and Javalin take the longest to start; they start beside the rest (2 cores or more).
                httpLane = Thread.ofPlatform().name("tributary-start-http").start(() -> startQuietly(b, times));
            } else {
                startQuietly(b, times);
            }
        }
        // FileInstall last: its first scan must find the rest of the runtime resolved.
        if (fileInstall != null) {
            startQuietly(fileInstall, times);
        }
        if (httpLane != null) {
            httpLane.join();
        }
        LOG.info("Start-up phases: {}", times);
    }

    private static void startQuietly(Bundle b, StartupTimes times) {
        if (CoreBundles.isFragment(b) || b.getState() == Bundle.ACTIVE) {
            return;
        }
        try {
            // Transient: on the next launch the framework does not start core bundles on its own in one thread;
            // the launcher starts them again, in its order and lanes.
            b.start(Bundle.START_TRANSIENT);
        } catch (BundleException e) {
            LOG.error("Bundle {} did not start: {}", b.getSymbolicName(), e.getMessage());
        }
        times.mark("start " + b.getSymbolicName());
    }

    private Map<String, String> frameworkProperties(Path home, Path data, Path bundleDir, Path deployDir) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, data.resolve("felix-cache").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN,
                settings.getBoolean("cache.clean") ? Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT : "none");
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.format(SLF4J_PACKAGES, slf4jVersion()));
        p.put("felix.log.level", "1");
        p.put("felix.fileinstall.dir", deployDir.toString());
        p.put("felix.fileinstall.poll", "250");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "2");
        p.put("tributary.home", home.toString());
        p.put("tributary.data.dir", data.toString());
        p.put("tributary.bundle.dir", bundleDir.toAbsolutePath().normalize().toUri().toString());
        p.put("tributary.version", Main.version());
        return p;
    }

    private static String slf4jVersion() {
        String v = org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion();
        return v == null ? "2.0.0" : v;
    }

    /** One configuration per component PID; {@code data.dir} goes to every one. */
    Map<String, Map<String, Object>> configurations(Path data) {
        Map<String, Map<String, Object>> byPid = new LinkedHashMap<>();
        Map<String, Object> http = new LinkedHashMap<>(settings.withPrefix("http."));
        http.put("admin.token.sha256", adminTokenSha256);
        byPid.put("io.tributary.http", http);
        Map<String, Object> store = new LinkedHashMap<>(settings.withPrefix("db."));
        // A leading dot keeps the password off the component's service properties (DS private property).
        Object password = store.remove("password");
        store.put(".password", password == null ? "" : password);
        byPid.put("io.tributary.store", store);
        byPid.put("io.tributary.engine", new LinkedHashMap<>(settings.withPrefix("engine.")));
        byPid.put("io.tributary.plugins", new LinkedHashMap<>(settings.withPrefix("plugins.")));
        byPid.put("io.tributary.ssrf", new LinkedHashMap<>(settings.withPrefix("ssrf.")));
        byPid.put("io.tributary.pipeline", new LinkedHashMap<>(settings.withPrefix("pipeline.")));
        Map<String, Object> knowledge = new LinkedHashMap<>(settings.withPrefix("knowledge."));
        for (String secret : List.of("openai.api.key", "rerank.api.key")) {
            Object key = knowledge.remove(secret);
            knowledge.put("." + secret, key == null ? "" : key);
        }
        byPid.put("io.tributary.knowledge", knowledge);
        byPid.values().forEach(m -> m.put("data.dir", data.toString()));
        return byPid;
    }

    /** Stops the framework and waits for it (bounded by the shutdown timeout). */
    void stop() throws InterruptedException, BundleException {
        if (framework == null || framework.getState() != Bundle.ACTIVE && framework.getState() != Bundle.STARTING) {
            return;
        }
        framework.stop();
        FrameworkEvent e = framework.waitForStop(settings.getInt("shutdown.timeout.seconds") * 1000L);
        if (e.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            LOG.warn("The framework did not stop within {} s", settings.get("shutdown.timeout.seconds"));
        }
    }

    /** Blocks until the framework stops. */
    void await() throws InterruptedException {
        framework.waitForStop(0);
    }
}
