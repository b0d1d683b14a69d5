package io.tributary.engine.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.engine.InvalidBundleException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.engine.RetireResult;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.model.PluginInfo;
import io.tributary.api.store.dto.PluginRecord;
import io.tributary.api.store.PluginRecordStore;

/**
 * Installs uploaded plugin bundles beside the ones already there and retires bundles after they drained.
 * Uploaded jars are checked ({@link BundleJar}) and kept in {@code <data>/plugins/} under generated names, and
 * reinstalled from there when the framework starts from an empty cache. Plugins are started through the
 * {@link PluginStarter}: within a time limit, journalled, quarantined when they fail, hang or end the process.
 * Immediate, because it starts the plugins of the framework cache while the engine starts: before the pipeline
 * resumes queued work that needs their node types.
 */
@Component(service = PluginAdmin.class, immediate = true, configurationPid = "io.tributary.plugins",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PluginAdminImpl.Config.class)
public final class PluginAdminImpl implements PluginAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(PluginAdminImpl.class);

    @ObjectClassDefinition(name = "Tributary plugins", description = "Plugin administration: uploads and retiring")
    public @interface Config {
        @AttributeDefinition(name = "Data directory", description = "Where uploaded plugins are kept (plugins/)")
        String data_dir() default "";

        @AttributeDefinition(name = "Largest plugin jar", description = "Bytes; larger uploads are refused")
        long plugin_max_bytes() default 64L * 1024 * 1024;

        @AttributeDefinition(name = "Start time limit", description = "Seconds a plugin's activator gets to start;"
                + " an upload that takes longer is refused, a plugin that takes longer at boot is quarantined")
        int start_timeout_seconds() default 30;

        @AttributeDefinition(name = "Largest manifest", description = "Bytes of META-INF/MANIFEST.MF in an upload")
        int manifest_max_bytes() default 512 * 1024;

        @AttributeDefinition(name = "Most manifest headers", description = "Headers in the manifest's main section")
        int manifest_max_headers() default 200;

        @AttributeDefinition(name = "Most clauses per header",
                description = "Clauses in any one manifest header (Export-Package, Import-Package, ...)")
        int manifest_max_clauses() default 2000;
    }

    private final BundleContext ctx;
    private final NodeTypeRegistry registry;
    private final Path pluginDir;
    private final long maxBytes;
    private final String coreLocationPrefix;
    private final String deployLocationPrefix;
    private final BundleJar.Limits limits;
    private final PluginStarter starter;
    private final Object installLock = new Object();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginRecordStore records;

    @Activate
    public PluginAdminImpl(BundleContext ctx, @Reference NodeTypeRegistry registry, Config config)
            throws IOException {
        this.ctx = ctx;
        this.registry = registry;
        String data = config.data_dir().isBlank() ? ctx.getProperty("tributary.data.dir") : config.data_dir();
        this.pluginDir = (data == null || data.isBlank() ? ctx.getDataFile("plugins").toPath() : Paths.get(data, "plugins"))
                .toAbsolutePath().normalize();
        Files.createDirectories(pluginDir);
        this.maxBytes = config.plugin_max_bytes();
        this.limits = new BundleJar.Limits(config.manifest_max_bytes(), config.manifest_max_headers(),
                config.manifest_max_clauses());
        this.coreLocationPrefix = ctx.getProperty("tributary.bundle.dir");
        String deploy = ctx.getProperty("felix.fileinstall.dir");
        this.deployLocationPrefix = deploy == null ? null : Paths.get(deploy).toAbsolutePath().normalize().toUri().toString();
        sweepUploadLeftovers();
        this.starter = new PluginStarter(ctx, new StartJournal(pluginDir), b -> !isCore(b),
                Duration.ofSeconds(Math.max(1, config.start_timeout_seconds())));
        ctx.addBundleListener(starter);
        starter.quarantineUnfinishedStarts();
        dropVanishedUploads();
        restoreUploads();
        startPlugins();
    }

    @Deactivate
    void deactivate() {
        ctx.removeBundleListener(starter);
    }

    /** Partial uploads left by a process that was killed while it received them. */
    private void sweepUploadLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(pluginDir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("upload-.*\\.tmp")).toList()) {
                Files.deleteIfExists(p);
                LOG.info("Deleted the partial upload {} left by an earlier process", p.getFileName());
            }
        }
    }

    /** Uninstalls uploaded plugins whose jar is gone (deleted after a start that timed out, or by hand). */
    private void dropVanishedUploads() {
        for (Bundle b : ctx.getBundles()) {
            Path p = uploadedJar(b.getLocation());
            if (p != null && !Files.exists(p)) {
                LOG.info("Uninstalling {} (bundle {}): its jar {} is gone", b.getSymbolicName(), b.getBundleId(), p);
                PluginStarter.discard(b);
            }
        }
    }

    /** Reinstalls uploaded plugins that the framework does not hold (it started from an empty cache). */
    private void restoreUploads() throws IOException {
        try (Stream<Path> jars = Files.list(pluginDir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String location = jar.toUri().toString();
                if (ctx.getBundle(location) == null) {
                    try {
                        ctx.installBundle(location);
                        LOG.info("Restored uploaded plugin {}", jar.getFileName());
                    } catch (BundleException e) {
                        LOG.error("Uploaded plugin {} could not be restored: {}", jar.getFileName(), e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Starts the plugins the framework holds (uploads and deploy/ bundles from its cache; the launcher keeps the
     * framework from starting them itself), each within the time limit. One that fails in its own code or hangs
     * is quarantined; one that merely does not resolve is left for later (FileInstall retries).
     */
    private void startPlugins() {
        for (Bundle b : ctx.getBundles()) {
            if (isCore(b) || b.getState() == Bundle.ACTIVE || b.getState() == Bundle.UNINSTALLED
                    || b.getHeaders("").get("Fragment-Host") != null || starter.quarantined(b).isPresent()) {
                continue;
            }
            try {
                starter.start(b);
            } catch (PluginStarter.StartFailure e) {
                if (e.pluginsFault()) {
                    starter.quarantine(b, e.getMessage());
                } else {
                    LOG.warn("Plugin {} {} (bundle {}) did not start: {}", b.getSymbolicName(), b.getVersion(),
                            b.getBundleId(), e.getMessage());
                }
            }
        }
    }

    /** The uploaded jar a bundle location names, or null when it is not one of ours. */
    private Path uploadedJar(String location) {
        if (!location.startsWith("file:")) {
            return null;
        }
        try {
            Path p = Paths.get(java.net.URI.create(location)).toAbsolutePath().normalize();
            return pluginDir.equals(p.getParent()) ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> out = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            try {
                out.add(info(b));
            } catch (IllegalStateException uninstalledMeanwhile) {
                // a bundle that went away while we looked is no longer listed
            }
        }
        return out;
    }

    @Override
    public Optional<PluginInfo> plugin(long bundleId) {
        try {
            return Optional.ofNullable(ctx.getBundle(bundleId)).map(this::info);
        } catch (IllegalStateException uninstalledMeanwhile) {
            return Optional.empty();
        }
    }

    private PluginInfo info(Bundle b) {
        List<NodeTypeInfo> types = registry.list().stream().filter(t -> t.bundleId() == b.getBundleId()).toList();
        Optional<String> quarantine = isCore(b) || b.getState() == Bundle.ACTIVE ? Optional.empty()
                : starter.quarantined(b);
        return new PluginInfo(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                quarantine.isPresent() ? PluginInfo.QUARANTINED : state(b.getState()), b.getLocation(), isCore(b),
                b.getHeaders("").get("Fragment-Host") != null, types, dataSources(b), quarantine.orElse(null));
    }

    private List<String> dataSources(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        List<String> out = new ArrayList<>();
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                Object type = r.getProperty(DatasourceProperties.TYPE);
                Object provider = r.getProperty(DatasourceProperties.PROVIDER);
                if (type != null && provider != null && isDataSource(r)) {
                    out.add(type + ":" + provider);
                }
            }
        }
        return out;
    }

    private static boolean isDataSource(ServiceReference<?> r) {
        Object classes = r.getProperty("objectClass");
        return classes instanceof String[] names && Arrays.stream(names).anyMatch(n -> n.startsWith(
                DatasourceProvider.class.getPackageName() + "."));
    }

    boolean isCore(Bundle b) {
        if (b.getBundleId() == 0) {
            return true;
        }
        String loc = b.getLocation();
        if (coreLocationPrefix != null) {
            return loc.startsWith(coreLocationPrefix);
        }
        return !loc.startsWith(pluginDir.toUri().toString())
                && (deployLocationPrefix == null || !loc.startsWith(deployLocationPrefix));
    }

    static String state(int s) {
        return switch (s) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public PluginInfo install(String fileName, InputStream jar) throws InvalidBundleException, IOException {
        Path tmp = Files.createTempFile(pluginDir, "upload-", ".tmp");
        try {
            MessageDigest sha = sha256();
            BundleJar.copyLimited(new DigestInputStream(jar, sha), tmp, maxBytes);
            synchronized (installLock) {
                BundleJar manifest = BundleJar.read(tmp, limits, coreNames());
                for (Bundle b : ctx.getBundles()) {
                    if (manifest.symbolicName().equals(b.getSymbolicName()) && manifest.version().equals(b.getVersion())) {
                        throw new InvalidBundleException(manifest.symbolicName() + " " + manifest.version()
                                + " is already installed (bundle " + b.getBundleId()
                                + "); give the new jar a higher Bundle-Version");
                    }
                }
                Path target = storedJar();
                Files.move(tmp, target); // never replaces: the name is new, and move fails if it exists
                Bundle bundle = installAndStart(target, manifest);
                PluginRecordStore store = records;
                if (store != null) {
                    store.put(new PluginRecord(manifest.symbolicName(), manifest.version().toString(),
                            HexFormat.of().formatHex(sha.digest()), target.toString(), "upload", Instant.now()));
                }
                LOG.info("Installed plugin {} {} (bundle {}) from {}", manifest.symbolicName(), manifest.version(),
                        bundle.getBundleId(), BundleJar.printable(fileName));
                return info(bundle);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Symbolic names a plugin may not take: those of the system bundle and of every core bundle. */
    private Set<String> coreNames() {
        Set<String> names = new HashSet<>(Set.of(Constants.SYSTEM_BUNDLE_SYMBOLICNAME));
        for (Bundle b : ctx.getBundles()) {
            if (isCore(b) && b.getSymbolicName() != null) {
                names.add(b.getSymbolicName());
            }
        }
        return names;
    }

    /**
     * A new file directly in the plugin folder, under a generated name (nothing from the upload goes into it),
     * checked to stay there.
     */
    private Path storedJar() throws IOException {
        Path target = pluginDir.resolve("plugin-" + UUID.randomUUID() + ".jar").normalize();
        if (!pluginDir.equals(target.getParent()) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("refusing to store an upload at " + target);
        }
        return target;
    }

    private Bundle installAndStart(Path target, BundleJar manifest) throws InvalidBundleException, IOException {
        Bundle bundle = null;
        try {
            bundle = ctx.installBundle(target.toUri().toString());
            if (!manifest.symbolicName().equals(bundle.getSymbolicName()) || !manifest.version().equals(bundle.getVersion())) {
                throw new InvalidBundleException("the framework reads the manifest as " + bundle.getSymbolicName()
                        + " " + bundle.getVersion() + ", not " + manifest.symbolicName() + " " + manifest.version());
            }
            BundleJar.checkExports(bundle.getHeaders("").get(Constants.EXPORT_PACKAGE)); // as the framework read it
            starter.start(bundle);
            return bundle;
        } catch (BundleException | RuntimeException | PluginStarter.StartFailure e) {
            if (ctx.getBundle(0).getState() == Bundle.STOPPING) {
                // The process is ending while the plugin starts (its activator may well have called System.exit):
                // the jar and the journal's note stay, and the next start quarantines the plugin.
                throw new InvalidBundleException("the server is stopping", e);
            }
            if (bundle != null) {
                PluginStarter.discard(bundle);
            }
            Files.deleteIfExists(target);
            throw new InvalidBundleException(e.getMessage(), e);
        } catch (InvalidBundleException e) {
            PluginStarter.discard(bundle);
            Files.deleteIfExists(target);
            throw e;
        }
    }

    @Override
    public Optional<PluginInfo> start(long bundleId) throws InvalidBundleException {
        Bundle b = ctx.getBundle(bundleId);
        if (b == null) {
            return Optional.empty();
        }
        if (isCore(b)) {
            throw new IllegalArgumentException("bundle " + bundleId + " (" + b.getSymbolicName()
                    + ") is part of the core runtime; it is not started through the admin API");
        }
        if (b.getHeaders("").get("Fragment-Host") != null) {
            throw new InvalidBundleException("bundle " + bundleId + " is a fragment; fragments are not started");
        }
        starter.release(b);
        try {
            starter.start(b);
        } catch (PluginStarter.StartFailure e) {
            if (e.pluginsFault()) {
                starter.quarantine(b, e.getMessage());
            }
            throw new InvalidBundleException(e.getMessage(), e);
        }
        LOG.info("Started plugin {} {} (bundle {}) at an admin's request", b.getSymbolicName(), b.getVersion(),
                bundleId);
        return plugin(bundleId);
    }

    @Override
    public Optional<RetireResult> retire(long bundleId, Duration drainTimeout) throws InterruptedException {
        Bundle b = ctx.getBundle(bundleId);
        if (b == null) {
            return Optional.empty();
        }
        if (isCore(b)) {
            throw new IllegalArgumentException("bundle " + bundleId + " (" + b.getSymbolicName()
                    + ") is part of the core runtime and cannot be retired");
        }
        PluginInfo before = info(b);
        long t0 = System.nanoTime();
        boolean drained = registry.awaitDrained(bundleId, drainTimeout);
        int left = registry.inFlight(bundleId);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        if (!drained) {
            LOG.warn("Retiring {} {} with {} run(s) still using it after {} ms", b.getSymbolicName(), b.getVersion(),
                    left, waited);
        }
        try {
            b.stop();
            b.uninstall();
        } catch (BundleException e) {
            throw new IllegalStateException("could not retire bundle " + bundleId + ": " + e.getMessage(), e);
        }
        refresh(b);
        deleteSource(b.getLocation());
        PluginRecordStore store = records;
        if (store != null) {
            store.remove(before.symbolicName(), before.version());
        }
        LOG.info("Retired {} {} (bundle {}) after {} ms", before.symbolicName(), before.version(), bundleId, waited);
        return Optional.of(new RetireResult(before, drained, drained ? 0 : left, waited));
    }

    private void refresh(Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            LOG.warn("Refresh after retiring bundle {} did not finish within 10 s", b.getBundleId());
        }
    }

    /** Removes the jar so neither FileInstall nor the next start installs it again. */
    private void deleteSource(String location) {
        if (!location.startsWith("file:")) {
            return;
        }
        try {
            Path p = Paths.get(java.net.URI.create(location)).toAbsolutePath().normalize();
            if (pluginDir.equals(p.getParent()) || deployLocationPrefix != null && location.startsWith(deployLocationPrefix)) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not delete {}: {}", location, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
