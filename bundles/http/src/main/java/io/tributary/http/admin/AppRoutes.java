package io.tributary.http.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.model.Problem;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;
import io.tributary.http.ApiException;
import io.tributary.http.ServiceSlot;

/**
 * Admin API for workflow apps: import a DSL as a draft, publish it as an immutable version, list, and issue or
 * revoke the app's {@code app-} keys. The admin token is checked by the {@code /admin/*} before-handler.
 */
public final class AppRoutes {
    private final ServiceSlot<AppStore> apps;
    private final ServiceSlot<ApiKeyStore> keys;
    private final ServiceSlot<DslImporter> importer;

    public AppRoutes(ServiceSlot<AppStore> apps, ServiceSlot<ApiKeyStore> keys, ServiceSlot<DslImporter> importer) {
        this.apps = apps;
        this.keys = keys;
        this.importer = importer;
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
        String yaml = dslText(ctx);
        DslDocument doc = checked(yaml);
        if (doc.kind() != DslKind.APP || !"workflow".equals(doc.metadata().mode())) {
            throw ApiException.badRequest("invalid_dsl", "Only workflow apps can be imported (kind: app, app.mode: "
                    + "workflow); got kind '" + doc.kind().dslName() + "', mode '" + doc.metadata().mode() + "'.");
        }
        App app = apps.get().create(doc.metadata().name(), doc.metadata().mode(), doc.metadata().description(), yaml);
        ctx.status(201).json(json(app, true));
    }

    /**
     * The DSL from the body or from the multipart field {@code file}, at most {@link DslImporter#MAX_SIZE}, in
     * UTF-8 (other bytes are a 400 {@code invalid_dsl}).
     */
    static String dslText(Context ctx) throws IOException {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        byte[] bytes;
        if (contentType.startsWith("multipart/")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw ApiException.badRequest("no_file_uploaded", "Upload the DSL as the multipart field 'file'.");
            }
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(DslImporter.MAX_SIZE + 1);
            }
        } else {
            try (InputStream in = ctx.bodyInputStream()) {
                bytes = in.readNBytes(DslImporter.MAX_SIZE + 1);
            }
        }
        if (bytes.length > DslImporter.MAX_SIZE) {
            throw ApiException.badRequest("invalid_dsl", "The DSL is larger than " + DslImporter.MAX_SIZE + " bytes.");
        }
        String text;
        try { // never a silent U+FFFD: a DSL that is not UTF-8 would import with its text changed
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_dsl", "The DSL is not UTF-8 text.");
        }
        if (text.isBlank()) {
            throw ApiException.badRequest("invalid_param",
                    "Send the DSL YAML as the request body or as the multipart field 'file'.");
        }
        return text;
    }

    private DslDocument checked(String yaml) {
        try {
            return importer.get().importDsl(yaml);
        } catch (DslImportException e) {
            throw new InvalidDsl(e.problems());
        }
    }

    /** 400 {@code invalid_dsl} listing every problem. */
    static final class InvalidDsl extends ApiException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        InvalidDsl(List<Problem> problems) {
            super(400, "invalid_dsl", "The DSL has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                    + String.join("; ", problems.stream().map(Problem::toString).toList()));
            this.problems = problems;
        }

        static void register(RoutesConfig routes) {
            routes.exception(InvalidDsl.class, (e, ctx) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("code", e.code());
                body.put("message", e.getMessage());
                body.put("status", e.status());
                body.put("problems", e.problems.stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("node_id", p.nodeId());
                    m.put("field", p.field());
                    m.put("message", p.message());
                    return m;
                }).toList());
                ctx.status(400).json(body);
            });
        }
    }

    /** Registers the handler that renders {@code invalid_dsl} with its problem list. */
    public static void registerErrors(RoutesConfig routes) {
        InvalidDsl.register(routes);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("data", apps.get().list().stream().map(a -> json(a, false)).toList()));
    }

    private void one(Context ctx) {
        App app = app(ctx);
        Map<String, Object> body = json(app, true);
        body.put("api_keys", keys.get().list(KeyKind.APP, app.id()).stream().map(AppRoutes::json).toList());
        ctx.json(body);
    }

    private void publish(Context ctx) {
        App app = app(ctx);
        checked(app.draftDsl());
        AppVersion v = apps.get().publish(app.id()).orElseThrow(() -> notFound(app.id()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", v.appId());
        body.put("version", v.version());
        body.put("workflow_id", v.workflowId());
        body.put("created_at", v.createdAt().getEpochSecond());
        ctx.status(201).json(body);
    }

    private void issueKey(Context ctx) {
        App app = app(ctx);
        IssuedKey issued = keys.get().issue(KeyKind.APP, app.id());
        Map<String, Object> body = json(issued.key());
        body.put("token", issued.secret());
        ctx.status(201).json(body);
    }

    private void revokeKey(Context ctx) {
        App app = app(ctx);
        String keyId = ctx.pathParam("keyId");
        boolean ours = keys.get().list(KeyKind.APP, app.id()).stream().anyMatch(k -> k.id().equals(keyId) && k.active());
        if (!ours || !keys.get().revoke(keyId)) {
            throw ApiException.notFound("API key " + keyId + " not found.");
        }
        ctx.json(Map.of("result", "success"));
    }

    private App app(Context ctx) {
        String id = ctx.pathParam("appId");
        return apps.get().app(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("App " + id + " not found.");
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
