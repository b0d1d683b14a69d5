package io.tributary.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.model.PluginInfo;

/**
 * The assembled core bundle set ({@code dist/target/tributary-<v>/bundle/}) in a real Felix: everything
 * resolves and activates, node types reach the registry, and plugins hot-deploy through FileInstall.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT {
    static final Path DIST = Paths.get(System.getProperty("tributary.dist.dir", "target/tributary"));
    static final Path WORK = Paths.get("target", "runtime-it").toAbsolutePath();

    @Inject
    BundleContext ctx;

    @Inject
    NodeTypeRegistry registry;

    @Inject
    PluginAdmin plugins;

    @Inject
    ServiceComponentRuntime scr;

    @Inject
    ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() throws IOException {
        Path deploy = WORK.resolve("deploy");
        Files.createDirectories(deploy);
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(systemPackages("org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17",
                "org.slf4j.helpers;version=2.0.17", "org.slf4j.spi;version=2.0.17"));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("250"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.bundles.new.start").value("true"));
        options.add(frameworkProperty("tributary.data.dir").value(WORK.resolve("data").toString()));
        options.add(frameworkProperty("tributary.bundle.dir").value(DIST.resolve("bundle").toUri().toString()));
        try (Stream<Path> jars = Files.list(DIST.resolve("bundle"))) {
            // FileInstall last, as the launcher does.
            jars.sorted((a, b) -> Boolean.compare(a.toString().contains("fileinstall"), b.toString().contains("fileinstall")))
                    .forEach(j -> options.add(bundle(j.toUri().toString())));
        }
        return options.toArray(new Option[0]);
    }

    @Before
    public void configureHttp() throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("io.tributary.http", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", 0);
        props.put("host", "127.0.0.1");
        props.put("admin.token.sha256", "00".repeat(32));
        c.updateIfDifferent(props);
    }

    @Test
    public void everyBundleIsActiveAndEveryComponentSatisfied() throws Exception {
        for (Bundle b : ctx.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertEquals(b.getSymbolicName() + " state", fragment ? Bundle.RESOLVED : Bundle.ACTIVE, b.getState());
        }
        Await.until(ctx, Duration.ofSeconds(10), "all components active", () -> unsatisfied().isEmpty());
        List<String> ours = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("io.tributary")).map(d -> d.name).toList();
        assertTrue("our components are there: " + ours, ours.contains("io.tributary.http.HttpServer"));
        assertTrue(ours.contains("io.tributary.engine.registry.NodeTypeRegistryImpl"));
        assertTrue(ours.contains("io.tributary.engine.plugins.PluginAdminImpl"));
        assertTrue(plugins.plugins().stream().filter(PluginInfo::core).allMatch(PluginInfo::healthy));
    }

    private List<String> unsatisfied() {
        List<String> bad = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            List<ComponentConfigurationDTO> configs = new ArrayList<>(scr.getComponentConfigurationDTOs(d));
            if (configs.isEmpty()) {
                bad.add(d.name + " (no configuration)");
            }
            for (ComponentConfigurationDTO c : configs) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    bad.add(d.name + " state " + c.state);
                }
            }
        }
        return bad;
    }

    @Test
    public void aPluginDroppedInDeployAppearsWithinTwoSecondsAndGoesWhenDeleted() throws Exception {
        Path jar = Paths.get(System.getProperty("tributary.testkit.jar"));
        Path deployed = WORK.resolve("deploy").resolve("testkit-hot.jar");
        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        long appeared = Await.until(ctx, Duration.ofSeconds(2), "echo node type", () -> hasType("echo"));
        System.out.println("hot deploy: echo listed " + appeared + " ms after the jar landed in deploy/");

        Files.delete(deployed);
        long gone = Await.until(ctx, Duration.ofSeconds(2), "echo node type gone", () -> !hasType("echo"));
        System.out.println("hot undeploy: echo gone " + gone + " ms after the jar was deleted");
        Await.until(ctx, Duration.ofSeconds(2), "testkit bundle uninstalled",
                () -> plugins.plugins().stream().noneMatch(p -> p.symbolicName().equals("io.tributary.node.testkit")));
    }

    @Test
    public void twoVersionsOfOneNodeBundleAreListedSideBySide() throws Exception {
        Path jar = Paths.get(System.getProperty("tributary.testkit.jar"));
        Path deploy = WORK.resolve("deploy");
        Path v1 = Jars.withVersion(jar, "1.0.0", deploy.resolve("testkit-1.0.0.jar"));
        Path v2 = Jars.withVersion(jar, "2.0.0", deploy.resolve("testkit-2.0.0.jar"));
        try {
            Await.until(ctx, Duration.ofSeconds(5), "echo 1.0.0 and 2.0.0",
                    () -> versionsOf("echo").containsAll(List.of("1.0.0", "2.0.0")));
            List<PluginInfo> testkits = plugins.plugins().stream()
                    .filter(p -> p.symbolicName().equals("io.tributary.node.testkit")).toList();
            assertEquals(2, testkits.size());
            assertTrue(testkits.stream().noneMatch(PluginInfo::core));
            assertEquals("2.0.0", registry.resolve("echo", null, null).version());
            assertEquals("1.0.0", registry.resolve("echo", null, "1").version());
            assertEquals("2.0.0", registry.resolve("echo", null, "[2,3)").version());
        } finally {
            Files.deleteIfExists(v1);
            Files.deleteIfExists(v2);
            Await.until(ctx, Duration.ofSeconds(5), "testkit bundles uninstalled", () -> !hasType("echo")
                    && plugins.plugins().stream().noneMatch(p -> p.symbolicName().equals("io.tributary.node.testkit")));
        }
    }

    private boolean hasType(String type) {
        return registry.list().stream().anyMatch(t -> t.type().equals(type));
    }

    private List<String> versionsOf(String type) {
        return registry.list().stream().filter(t -> t.type().equals(type)).map(NodeTypeInfo::version).toList();
    }
}
