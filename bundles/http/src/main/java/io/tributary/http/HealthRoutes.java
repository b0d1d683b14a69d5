package io.tributary.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.model.PluginInfo;
import io.tributary.http.ServiceSlot;

/** {@code GET /health}: 200 when every core bundle is active, 503 otherwise (naming the ones that are not). */
public final class HealthRoutes {
    private final ServiceSlot<PluginAdmin> plugins;
    private final String version;

    public HealthRoutes(ServiceSlot<PluginAdmin> plugins, String version) {
        this.plugins = plugins;
        this.version = version;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        PluginAdmin admin = plugins.peek();
        Map<String, Object> body = new LinkedHashMap<>();
        if (admin == null) {
            body.put("status", "unavailable");
            body.put("message", "the engine is not running");
            body.put("version", version);
            ctx.status(503).json(body);
            return;
        }
        List<PluginInfo> all = admin.plugins();
        long active = all.stream().filter(p -> "ACTIVE".equals(p.state())).count();
        List<String> down = all.stream().filter(p -> p.core() && !p.healthy())
                .map(p -> p.symbolicName() + " (" + p.state() + ")").toList();
        body.put("status", down.isEmpty() ? "ok" : "unavailable");
        body.put("bundles", Map.of("active", active, "total", all.size()));
        body.put("version", version);
        if (!down.isEmpty()) {
            body.put("inactive", down);
        }
        ctx.status(down.isEmpty() ? 200 : 503).json(body);
    }
}
