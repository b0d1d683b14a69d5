package io.tributary.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the framework's core bundle set equal to the jars in {@code bundle/}: installs new jars, updates the
 * ones whose file changed since they were installed (a reused framework cache), and uninstalls core bundles
 * whose jar is gone. Plugins (from {@code deploy/} or uploads) are not touched.
 */
final class CoreBundles {
    private static final Logger LOG = LoggerFactory.getLogger(CoreBundles.class);
    static final String FILE_INSTALL = "org.apache.felix.fileinstall";
    static final String CONFIG_ADMIN = "org.apache.felix.configadmin";
    static final String HTTP = "io.tributary.http";

    private final Path dir;

    CoreBundles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The jars in install order: libraries first, then ours, the HTTP bundle last (so it stops first). */
    List<Path> jars() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparingInt(CoreBundles::rank).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static int rank(Path p) {
        String n = p.getFileName().toString();
        if (n.startsWith("io.tributary.http")) {
            return 3;
        }
        if (n.startsWith("io.tributary")) {
            return 2;
        }
        return 1;
    }

    /** Installs, updates or uninstalls so that the framework holds exactly these jars; returns them in order. */
    List<Bundle> sync(BundleContext ctx) throws IOException, BundleException {
        Map<String, Bundle> byLocation = new HashMap<>();
        String prefix = dir.toUri().toString();
        for (Bundle b : ctx.getBundles()) {
            if (b.getLocation().startsWith(prefix)) {
                byLocation.put(b.getLocation(), b);
            }
        }
        List<Bundle> result = new ArrayList<>();
        for (Path jar : jars()) {
            String location = jar.toUri().toString();
            Bundle existing = byLocation.remove(location);
            if (existing == null) {
                result.add(ctx.installBundle(location));
            } else {
                if (Files.getLastModifiedTime(jar).toMillis() > existing.getLastModified()) {
                    LOG.info("Updating {} from {}", existing.getSymbolicName(), jar.getFileName());
                    existing.update();
                }
                result.add(existing);
            }
        }
        for (Bundle gone : byLocation.values()) {
            LOG.info("Uninstalling {}: its jar is no longer in {}", gone.getSymbolicName(), dir);
            gone.uninstall();
        }
        return result;
    }

    /**
     * Clears the persistent "started" mark of every bundle that is not in {@code bundle/} (uploads and deploy/
     * plugins), so that the framework does not start them on its own when it starts: a plugin that hangs or
     * calls {@code System.exit} in its activator would otherwise stop every launch. Call before
     * {@code Framework.start()}.
     */
    void clearPluginAutostart(BundleContext ctx) throws BundleException {
        String prefix = dir.toUri().toString();
        for (Bundle b : ctx.getBundles()) {
            if (b.getBundleId() == 0 || b.getLocation().startsWith(prefix)) {
                continue;
            }
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level != null && level.isPersistentlyStarted()) {
                b.stop(); // not yet started: only the persistent mark changes
                LOG.debug("{} is no longer started by the framework itself", b.getSymbolicName());
            }
        }
    }

    static boolean isFragment(Bundle b) {
        return b.getHeaders("").get("Fragment-Host") != null;
    }
}
