package io.tributary.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** The core set against a real (embedded) Felix with a reused cache. */
class CoreBundlesTest {
    @TempDir
    Path dir;

    private static void bundleJar(Path jar, String bsn) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            out.flush();
        }
    }

    private Framework framework() throws Exception {
        Framework f = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString()));
        f.init();
        return f;
    }

    @Test
    void theFrameworkDoesNotStartPluginsFromItsCacheOnItsOwn() throws Exception {
        Path bundleDir = Files.createDirectories(dir.resolve("bundle"));
        Path deploy = Files.createDirectories(dir.resolve("deploy"));
        bundleJar(bundleDir.resolve("core.jar"), "test.core");
        bundleJar(deploy.resolve("plugin.jar"), "test.plugin");

        Framework first = framework();
        new CoreBundles(bundleDir).sync(first.getBundleContext());
        first.start();
        Bundle plugin = first.getBundleContext().installBundle(deploy.resolve("plugin.jar").toUri().toString());
        plugin.start(); // persistently, as FileInstall does
        first.stop();
        first.waitForStop(10_000);

        Framework second = framework();
        CoreBundles core = new CoreBundles(bundleDir);
        List<Bundle> set = core.sync(second.getBundleContext());
        assertEquals(List.of("test.core"), set.stream().map(Bundle::getSymbolicName).toList());
        core.clearPluginAutostart(second.getBundleContext());
        second.start();
        try {
            Bundle again = second.getBundleContext().getBundle(deploy.resolve("plugin.jar").toUri().toString());
            assertTrue(again.getState() != Bundle.ACTIVE && again.getState() != Bundle.STARTING,
                    "the plugin is left for the engine to start, state " + again.getState());
        } finally {
            second.stop();
            second.waitForStop(10_000);
        }
    }
}
