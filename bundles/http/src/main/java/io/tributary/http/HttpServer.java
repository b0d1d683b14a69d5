package io.tributary.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
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

import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.app.AppService;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.AppStore;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.pipeline.PipelineService;
import io.tributary.api.store.DatasetStore;

/**
 * Runs Javalin (Jetty) on virtual threads with the routes of every API family. Services behind the routes are
 * dynamic: replacing a provider bundle does not restart Jetty; requests wait briefly for the new provider.
 *
 * <p>The services are the references declared below, all optional, dynamic and greedy, read through one
 * {@link ServiceSlots} map by reference name ({@code ComponentContext.locateService}); their one bind/unbind
 * method, {@link #changed}, only wakes requests waiting for a provider.
 */
@Component(service = {}, configurationPid = "io.tributary.http", configurationPolicy = ConfigurationPolicy.REQUIRE,
        reference = {
                @Reference(name = "pluginAdmin", service = PluginAdmin.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "registry", service = NodeTypeRegistry.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "appService", service = AppService.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "apps", service = AppStore.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "keys", service = ApiKeyStore.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "files", service = FileStore.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "pipelines", service = PipelineService.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "datasets", service = DatasetStore.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed"),
                @Reference(name = "knowledge", service = KnowledgeBase.class, cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                        bind = "changed", unbind = "changed")
        })
@Designate(ocd = HttpServer.Config.class)
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    @ObjectClassDefinition(name = "Tributary HTTP", description = "The HTTP server (Dify API, admin API)")
    public @interface Config {
        @AttributeDefinition(name = "Host", description = "Address to listen on")
        String host() default "0.0.0.0";

        @AttributeDefinition(name = "Port", description = "TCP port; 0 picks a free one")
        int port() default 8080;

        @AttributeDefinition(name = "Admin token hash", description = "Hex SHA-256 of the admin token")
        String admin_token_sha256() default "";

        @AttributeDefinition(name = "Largest request body", description = "Bytes, for JSON and uploads")
        long max_request_bytes() default 64L * 1024 * 1024;

        @AttributeDefinition(name = "Largest upload", description = "Bytes per file of /v1/files/upload "
                + "(413 file_too_large beyond); Dify's UPLOAD_FILE_SIZE_LIMIT is 15 MB")
        long upload_max_bytes() default 15L * 1024 * 1024;

        @AttributeDefinition(name = "Data directory", required = false,
                description = "Uploads larger than 256 KiB are spooled to <data.dir>/tmp/uploads while parsed; "
                        + "empty: the framework property tributary.data.dir, else the system temporary directory")
        String data_dir() default "";

        @AttributeDefinition(name = "Accept queue", description = "Listen backlog of the HTTP socket (connections "
                + "waiting to be accepted); the kernel caps it at net.core.somaxconn")
        int accept_queue_size() default 4096;

        @AttributeDefinition(name = "SSE ping", description = "Milliseconds between keep-alive pings of a quiet stream")
        long sse_ping_ms() default 10_000;

        @AttributeDefinition(name = "Stop timeout", description = "Milliseconds Jetty waits for open requests when stopping")
        long stop_timeout_ms() default 5000;

        @AttributeDefinition(name = "Idle timeout", description = "Milliseconds a connection may stay without any "
                + "byte read or written before Jetty closes it; kept above the SSE ping so streams stay open")
        long idle_timeout_ms() default 30_000;

        @AttributeDefinition(name = "Header timeout", description = "Milliseconds a request header may take to "
                + "arrive from its first byte (a client trickling it is cut off); 0: no limit")
        long header_timeout_ms() default 10_000;

        @AttributeDefinition(name = "Connections per address", description = "Open connections allowed per "
                + "client IP address; more are closed at once; 0: no limit. Behind a reverse proxy every client "
                + "has the proxy's address")
        int max_connections_per_ip() default 1024;

        @AttributeDefinition(name = "Slowest body", description = "Bytes per second a request body must average "
                + "once the header timeout has passed since its header (a client trickling it is cut off); 0: no limit")
        long body_min_bytes_per_second() default 1024;
    }

    /** How long a request waits for a missing provider (a bundle being replaced) before 503. */
    static final long SERVICE_WAIT_MILLIS = 2000;

    private final ServiceSlots slots;
    private final ApiServer server;

    @Activate
    public HttpServer(BundleContext ctx, ComponentContext component, Config config) {
        String version = ctx.getProperty("tributary.version");
        slots = new ServiceSlots(component::locateService, SERVICE_WAIT_MILLIS);
        server = new ApiServer(config, slots, spoolDir(ctx, config),
                version == null ? ctx.getBundle().getVersion().toString() : version);
    }

    private static Path spoolDir(BundleContext ctx, Config config) {
        String data = config.data_dir().isBlank() ? ctx.getProperty("tributary.data.dir") : config.data_dir();
        Path dir = data == null || data.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "tributary-uploads")
                : Path.of(data, "tmp", "uploads");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload spool directory " + dir, e);
        }
        return dir;
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return server.port();
    }

    @Deactivate
    void deactivate() {
        long t0 = System.nanoTime();
        server.stop();
        LOG.info("HTTP stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** DS bound or unbound one of the references: requests waiting for a provider look again. */
    void changed(ServiceReference<?> ref) {
        slots.changed();
    }
}
