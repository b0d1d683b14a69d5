package io.tributary.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.app.AppService;
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
import io.tributary.http.admin.AppRoutes;
import io.tributary.http.files.FileRoutes;
import io.tributary.http.workflow.WorkflowRoutes;
import io.tributary.http.admin.PluginRoutes;

/**
 * The Javalin (Jetty) server with the routes of every API family over a {@link ServiceSlots} map: what
 * {@link HttpServer} runs inside OSGi, and what the in-process route tests run over fake services. Assembles the
 * limits of {@link HttpServer.Config}: body sizes, the idle timeout (above the SSE ping), the header timeout and
 * the per-address connection cap ({@link ConnectionGuard}), and empties the upload spool on start.
 */
final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("io.tributary.http.requests");

    private final Javalin app;
    private final ConnectionGuard guard;

    /** Starts the server; {@code spool} must exist. */
    ApiServer(HttpServer.Config config, ServiceSlots slots, Path spool, String version) {
        AdminAuth auth = new AdminAuth(config.admin_token_sha256());
        ObjectMapper mapper = new ObjectMapper();
        int swept = Uploads.sweep(spool);
        if (swept > 0) {
            LOG.info("Removed {} upload part(s) left in {} by a previous run", swept, spool);
        }
        Uploads uploads = new Uploads(spool, config.max_request_bytes());
        ServiceSlot<PluginAdmin> pluginAdmin = slots.slot("pluginAdmin", PluginAdmin.class, "plugin admin");
        ServiceSlot<NodeTypeRegistry> registry = slots.slot("registry", NodeTypeRegistry.class, "node type registry");
        ServiceSlot<AppService> appService = slots.slot("appService", AppService.class, "app service");
        ServiceSlot<AppStore> apps = slots.slot("apps", AppStore.class, "app store");
        ServiceSlot<ApiKeyStore> keys = slots.slot("keys", ApiKeyStore.class, "API key store");
        ServiceSlot<FileStore> files = slots.slot("files", FileStore.class, "file store");
        ServiceSlot<PipelineService> pipelines = slots.slot("pipelines", PipelineService.class, "pipeline");
        ServiceSlot<DatasetStore> datasets = slots.slot("datasets", DatasetStore.class, "dataset store");
        ServiceSlot<KnowledgeBase> knowledge = slots.slot("knowledge", KnowledgeBase.class, "knowledge");
        long idleTimeout = idleTimeout(config);
        guard = new ConnectionGuard(config.max_connections_per_ip(), config.header_timeout_ms(),
                config.body_min_bytes_per_second());
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(new ProviderVisibleLoader(ApiServer.class.getClassLoader()));
        try {
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.concurrency.useVirtualThreads = true;
                cfg.jsonMapper(new JavalinJackson(mapper, true));
                cfg.http.maxRequestSize = config.max_request_bytes();
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
                                    sc.setIdleTimeout(idleTimeout);
                                }
                                c.addEventListener(guard);
                            }
                        }
                    });
                });
                cfg.requestLogger.http((c, ms) -> REQUESTS.info("{} {} {} {}ms", c.method(), c.path(),
                        c.statusCode(), Math.round(ms)));
                ErrorMapper.register(cfg.routes, config.max_request_bytes());
                new HealthRoutes(pluginAdmin, version).register(cfg.routes);
                new PluginRoutes(pluginAdmin, registry, auth, uploads).register(cfg.routes);
                AppRoutes.registerErrors(cfg.routes);
                new AppRoutes(appService, uploads).register(cfg.routes);
                AppAuth appAuth = new AppAuth(keys, apps);
                new WorkflowRoutes(appAuth, appService, mapper, Duration.ofMillis(config.sse_ping_ms()))
                        .register(cfg.routes);
                new AppInfoRoutes(appAuth, appService).register(cfg.routes);
                new FileRoutes(appAuth, files, config.upload_max_bytes(), uploads).register(cfg.routes);
                new DatasetAdminRoutes(pipelines, datasets, knowledge, keys, uploads).register(cfg.routes);
                DatasetAuth datasetAuth = new DatasetAuth(keys);
                new PipelineRoutes(datasetAuth, pipelines, datasets, files, mapper,
                        Duration.ofMillis(config.sse_ping_ms()), config.upload_max_bytes(), uploads).register(cfg.routes);
                new DatasetRoutes(datasetAuth, datasets, knowledge, mapper).register(cfg.routes);
            });
            app.start();
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        } finally {
            t.setContextClassLoader(previous);
        }
        LOG.info("HTTP listening on {}:{}", config.host(), app.port());
    }

    /** The idle timeout, kept above twice the SSE ping so that a quiet stream is never cut between two pings. */
    static long idleTimeout(HttpServer.Config config) {
        long floor = 2 * config.sse_ping_ms();
        if (config.idle_timeout_ms() <= floor) {
            LOG.warn("idle_timeout_ms {} is not above twice sse_ping_ms {}: using {} ms", config.idle_timeout_ms(),
                    config.sse_ping_ms(), floor + 1000);
            return floor + 1000;
        }
        return config.idle_timeout_ms();
    }

    int port() {
        return app.port();
    }

    ConnectionGuard guard() {
        return guard;
    }

    void stop() {
        try {
            app.stop();
        } finally {
            guard.close();
        }
    }
}
