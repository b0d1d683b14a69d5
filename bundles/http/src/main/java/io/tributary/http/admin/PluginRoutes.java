package io.tributary.http.admin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.engine.InvalidBundleException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.engine.RetireResult;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.model.PluginInfo;
import io.tributary.http.AdminAuth;
import io.tributary.http.ApiException;
import io.tributary.http.ServiceSlot;
import io.tributary.http.Uploads;

/**
 * Admin API for plugins: list bundles and node types, upload a bundle (installed beside existing versions),
 * start a quarantined plugin again, retire a bundle after its runs drained.
 */
public final class PluginRoutes {
    static final long DEFAULT_DRAIN_SECONDS = 30;
    static final long MAX_DRAIN_SECONDS = 3600;

    private final ServiceSlot<PluginAdmin> plugins;
    private final ServiceSlot<NodeTypeRegistry> registry;
    private final AdminAuth auth;
    private final Uploads uploads;

    public PluginRoutes(ServiceSlot<PluginAdmin> plugins, ServiceSlot<NodeTypeRegistry> registry, AdminAuth auth,
                        Uploads uploads) {
        this.plugins = plugins;
        this.registry = registry;
        this.auth = auth;
        this.uploads = uploads;
    }

    public void register(RoutesConfig routes) {
        routes.before("/admin/*", auth::check);
        routes.get("/admin/v1/plugins", this::list);
        routes.post("/admin/v1/plugins", this::upload);
        routes.get("/admin/v1/plugins/{bundleId}", this::one);
        routes.post("/admin/v1/plugins/{bundleId}/start", this::start);
        routes.delete("/admin/v1/plugins/{bundleId}", this::retire);
        routes.get("/admin/v1/node-types", this::nodeTypes);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("data", plugins.get().plugins().stream().map(PluginRoutes::json).toList()));
    }

    private void one(Context ctx) {
        long id = bundleId(ctx);
        PluginInfo p = plugins.get().plugin(id).orElseThrow(() -> ApiException.notFound("Bundle " + id + " not found."));
        ctx.json(json(p));
    }

    private void nodeTypes(Context ctx) {
        ctx.json(Map.of("data", registry.get().list().stream().map(PluginRoutes::json).toList()));
    }

    private void upload(Context ctx) throws IOException {
        PluginInfo installed;
        try {
            if (Uploads.isMultipart(ctx)) {
                try (Uploads.Form form = uploads.read(ctx)) {
                    Uploads.FilePart file = form.single("file");
                    try (InputStream in = file.open()) {
                        installed = plugins.get().install(file.name(), in);
                    }
                }
            } else {
                try (InputStream in = ctx.bodyInputStream()) {
                    installed = plugins.get().install("request-body.jar", in);
                }
            }
        } catch (InvalidBundleException e) {
            throw ApiException.badRequest("invalid_bundle", "Not a valid bundle: " + e.getMessage());
        }
        ctx.status(201).json(json(installed));
    }

    /** Starts a plugin again (lifting its quarantine): 200 with the plugin, 400 invalid_bundle if it fails again. */
    private void start(Context ctx) {
        long id = bundleId(ctx);
        PluginInfo p;
        try {
            p = plugins.get().start(id).orElseThrow(() -> ApiException.notFound("Bundle " + id + " not found."));
        } catch (InvalidBundleException e) {
            throw ApiException.badRequest("invalid_bundle", "The bundle did not start: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(403, "forbidden", e.getMessage());
        }
        ctx.json(json(p));
    }

    private void retire(Context ctx) throws InterruptedException {
        long id = bundleId(ctx);
        long drain = DEFAULT_DRAIN_SECONDS;
        String q = ctx.queryParam("drain_timeout");
        if (q != null) {
            try {
                drain = Long.parseLong(q);
            } catch (NumberFormatException e) {
                drain = -1;
            }
            if (drain < 0 || drain > MAX_DRAIN_SECONDS) {
                throw ApiException.badRequest("invalid_param",
                        "drain_timeout must be a whole number of seconds from 0 to " + MAX_DRAIN_SECONDS + ".");
            }
        }
        RetireResult r;
        try {
            r = plugins.get().retire(id, Duration.ofSeconds(drain))
                    .orElseThrow(() -> ApiException.notFound("Bundle " + id + " not found."));
        } catch (IllegalArgumentException e) {
            throw new ApiException(403, "forbidden", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "success");
        body.put("drained", r.drained());
        body.put("in_flight_left", r.inFlightLeft());
        body.put("waited_ms", r.waitedMillis());
        body.put("plugin", json(r.plugin()));
        ctx.json(body);
    }

    private static long bundleId(Context ctx) {
        String raw = ctx.pathParam("bundleId");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_param", "bundleId must be a number, got '" + raw + "'.");
        }
    }

    static Map<String, Object> json(PluginInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.bundleId());
        m.put("symbolic_name", p.symbolicName());
        m.put("version", p.version());
        m.put("state", p.state());
        m.put("error", p.error());
        m.put("core", p.core());
        m.put("location", p.location());
        m.put("node_types", p.nodeTypes().stream().map(PluginRoutes::json).toList());
        m.put("datasources", p.dataSources());
        return m;
    }

    static Map<String, Object> json(NodeTypeInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.type());
        m.put("tool", t.tool());
        m.put("version", t.version());
        m.put("bundle_id", t.bundleId());
        m.put("bundle_symbolic_name", t.bundleSymbolicName());
        m.put("bundle_version", t.bundleVersion());
        return m;
    }

}
