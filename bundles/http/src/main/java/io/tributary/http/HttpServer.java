package io.tributary.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.tributary.api.app.AppService;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.AppStore;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.pipeline.PipelineService;
import io.tributary.api.store.DatasetStore;
import io.tributary.http.workflow.AppInfoRoutes;
import io.tributary.http.admin.DatasetAdminRoutes;
import io.tributary.http.knowledge.DatasetRoutes;
import io.tributary.http.knowledge.PipelineRoutes;
import io.tributary.http.DatasetAuth;
import io.tributary.http.admin.AppRoutes;
import io.tributary.http.files.FileRoutes;
import io.tributary.http.HealthRoutes;
import io.tributary.http.workflow.WorkflowRoutes;
import io.tributary.http.AppAuth;
import io.tributary.http.admin.PluginRoutes;
import io.tributary.http.AdminAuth;
import io.tributary.http.ErrorMapper;
import io.tributary.http.ServiceSlot;

/**
 * Runs Javalin (Jetty) on virtual threads with the routes of every API family. Services behind the routes are
 * dynamic: replacing a provider bundle does not restart Jetty; requests wait briefly for the new provider.
 */
@Component(service = {}, configurationPid = "io.tributary.http", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HttpServer.Config.class)
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("io.tributary.http.requests");

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
    }

    private final ServiceSlot<PluginAdmin> pluginAdmin = new ServiceSlot<>("plugin admin", 2000);
    private final ServiceSlot<NodeTypeRegistry> registry = new ServiceSlot<>("node type registry", 2000);
    private final ServiceSlot<AppStore> apps = new ServiceSlot<>("app store", 2000);
    private final ServiceSlot<AppService> appService = new ServiceSlot<>("app service", 2000);
    private final ServiceSlot<ApiKeyStore> keys = new ServiceSlot<>("API key store", 2000);
    private final ServiceSlot<FileStore> files = new ServiceSlot<>("file store", 2000);
    private final ServiceSlot<PipelineService> pipelines = new ServiceSlot<>("pipeline", 2000);
    private final ServiceSlot<DatasetStore> datasets = new ServiceSlot<>("dataset store", 2000);
    private final ServiceSlot<KnowledgeBase> knowledge = new ServiceSlot<>("knowledge", 2000);
    private final Javalin app;

    @Activate
    public HttpServer(BundleContext ctx, Config config) {
        String version = ctx.getProperty("tributary.version");
        String v = version == null ? ctx.getBundle().getVersion().toString() : version;
        AdminAuth auth = new AdminAuth(config.admin_token_sha256());
        ObjectMapper mapper = new ObjectMapper();
        Path spool = spoolDir(ctx, config);
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(new ProviderVisibleLoader(HttpServer.class.getClassLoader()));
        try {
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.concurrency.useVirtualThreads = true;
                cfg.jsonMapper(new JavalinJackson(mapper, true));
                cfg.http.maxRequestSize = config.max_request_bytes();
                cfg.jetty.multipartConfig.maxFileSize(config.max_request_bytes(), io.javalin.config.SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxTotalRequestSize(config.max_request_bytes(), io.javalin.config.SizeUnit.BYTES);
                cfg.jetty.host = config.host();
                cfg.jetty.port = config.port();
                // responses are JSON objects and SSE frames: 8 KiB buffers (Jetty's default is 32 KiB per
                // connection) keep thousands of open streams small; larger bodies are simply written in parts
                cfg.jetty.modifyHttpConfiguration(http -> http.setOutputBufferSize(8192));
                cfg.jetty.modifyServer(server -> {
                    server.setStopTimeout(config.stop_timeout_ms());
                    // Java's default listen backlog (50) drops connections when many clients connect at once
                    // (2,000 SSE clients); connectors are added after this, so set it as the server starts.
                    server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                        @Override
                        public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                            for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
                                if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                                    sc.setAcceptQueueSize(config.accept_queue_size());
                                }
                            }
                        }
                    });
                });
                cfg.requestLogger.http((c, ms) -> REQUESTS.info("{} {} {} {}ms", c.method(), c.path(),
                        c.statusCode(), Math.round(ms)));
                ErrorMapper.register(cfg.routes);
                new HealthRoutes(pluginAdmin, v).register(cfg.routes);
                new PluginRoutes(pluginAdmin, registry, auth).register(cfg.routes);
                AppRoutes.registerErrors(cfg.routes);
                new AppRoutes(appService).register(cfg.routes);
                AppAuth appAuth = new AppAuth(keys, apps);
                new WorkflowRoutes(appAuth, appService, mapper, Duration.ofMillis(config.sse_ping_ms()))
                        .register(cfg.routes);
                new AppInfoRoutes(appAuth, appService).register(cfg.routes);
                new FileRoutes(appAuth, files, config.upload_max_bytes(), spool).register(cfg.routes);
                PipelineRoutes.registerErrors(cfg.routes);
                new DatasetAdminRoutes(pipelines, datasets, knowledge, keys).register(cfg.routes);
                DatasetAuth datasetAuth = new DatasetAuth(keys);
                new PipelineRoutes(datasetAuth, pipelines, datasets, files, mapper,
                        Duration.ofMillis(config.sse_ping_ms()), config.upload_max_bytes()).register(cfg.routes);
                new DatasetRoutes(datasetAuth, datasets, knowledge, mapper).register(cfg.routes);
            });
            app.start();
        } finally {
            t.setContextClassLoader(previous);
        }
        LOG.info("HTTP listening on {}:{}", config.host(), app.port());
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
        return app.port();
    }

    @Deactivate
    void deactivate() {
        long t0 = System.nanoTime();
        app.stop();
        LOG.info("HTTP stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPluginAdmin(PluginAdmin s) {
        pluginAdmin.set(s);
    }

    void unsetPluginAdmin(PluginAdmin s) {
        pluginAdmin.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRegistry(NodeTypeRegistry s) {
        registry.set(s);
    }

    void unsetRegistry(NodeTypeRegistry s) {
        registry.unset(s);
    }
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setApps(AppStore s) {
        apps.set(s);
    }

    void unsetApps(AppStore s) {
        apps.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAppService(AppService s) {
        appService.set(s);
    }

    void unsetAppService(AppService s) {
        appService.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setKeys(ApiKeyStore s) {
        keys.set(s);
    }

    void unsetKeys(ApiKeyStore s) {
        keys.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPipelines(PipelineService s) {
        pipelines.set(s);
    }

    void unsetPipelines(PipelineService s) {
        pipelines.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDatasets(DatasetStore s) {
        datasets.set(s);
    }

    void unsetDatasets(DatasetStore s) {
        datasets.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFiles(FileStore s) {
        files.set(s);
    }

    void unsetFiles(FileStore s) {
        files.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setKnowledge(KnowledgeBase s) {
        knowledge.set(s);
    }

    void unsetKnowledge(KnowledgeBase s) {
        knowledge.unset(s);
    }
}
