package io.tributary.http.admin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.app.AppDetail;
import io.tributary.api.app.AppDslException;
import io.tributary.api.app.AppService;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.http.ApiException;
import io.tributary.http.ServiceSlot;
import io.tributary.http.Uploads;

/**
 * Admin API for workflow apps: import a DSL as a draft, publish it as an immutable version, list, and issue or
 * revoke the app's {@code app-} keys; each route one {@link AppService} call. The admin token is checked by the
 * {@code /admin/*} before-handler.
 */
public final class AppRoutes {
    private final ServiceSlot<AppService> service;
    private final Uploads uploads;

    public AppRoutes(ServiceSlot<AppService> service, Uploads uploads) {
        this.service = service;
        this.uploads = uploads;
    }

    public void register(RoutesConfig routes) {
        routes.post("/admin/v1/apps", this::create);
        routes.get("/admin/v1/apps", this::list);
        routes.get("/admin/v1/apps/{appId}", this::one);
        routes.post("/admin/v1/apps/{appId}/publish", this::publish);
        routes.post("/admin/v1/apps/{appId}/api-keys", this::issueKey);
        routes.delete("/admin/v1/apps/{appId}/api-keys/{keyId}", this::revokeKey);
    }

    private void create(Context ctx) throws IOException {
        App app = service.get().importDraft(DslBody.text(ctx, uploads));
        ctx.status(201).json(json(app, true));
    }

    /** Renders {@code invalid_dsl} with its problem list (400). */
    private static void invalidDsl(AppDslException e, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        body.put("status", 400);
        body.put("problems", e.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node_id", p.nodeId());
            m.put("field", p.field());
            m.put("message", p.message());
            return m;
        }).toList());
        ctx.status(400).json(body);
    }

    /** Registers the handler that renders {@code invalid_dsl} with its problem list (apps and datasets). */
    public static void registerErrors(RoutesConfig routes) {
        routes.exception(AppDslException.class, AppRoutes::invalidDsl);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("data", service.get().apps().stream().map(a -> json(a, false)).toList()));
    }

    private void one(Context ctx) {
        AppDetail detail = service.get().app(ctx.pathParam("appId"));
        Map<String, Object> body = json(detail.app(), true);
        body.put("api_keys", detail.keys().stream().map(AppRoutes::json).toList());
        ctx.json(body);
    }

    private void publish(Context ctx) {
        AppVersion v = service.get().publish(ctx.pathParam("appId"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", v.appId());
        body.put("version", v.version());
        body.put("workflow_id", v.workflowId());
        body.put("created_at", v.createdAt().getEpochSecond());
        ctx.status(201).json(body);
    }

    private void issueKey(Context ctx) {
        IssuedKey issued = service.get().issueKey(ctx.pathParam("appId"));
        Map<String, Object> body = json(issued.key());
        body.put("token", issued.secret());
        ctx.status(201).json(body);
    }

    private void revokeKey(Context ctx) {
        service.get().revokeKey(ctx.pathParam("appId"), ctx.pathParam("keyId"));
        ctx.json(Map.of("result", "success"));
    }

    static Map<String, Object> json(App a, boolean withDsl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("mode", a.mode());
        m.put("description", a.description());
        m.put("published_version", a.publishedVersion());
        m.put("created_at", a.createdAt().getEpochSecond());
        m.put("updated_at", a.updatedAt().getEpochSecond());
        if (withDsl) {
            m.put("dsl", a.draftDsl());
        }
        return m;
    }

    static Map<String, Object> json(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("type", "app");
        m.put("hint", k.hint());
        m.put("created_at", k.createdAt().getEpochSecond());
        m.put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().getEpochSecond());
        return m;
    }
}
