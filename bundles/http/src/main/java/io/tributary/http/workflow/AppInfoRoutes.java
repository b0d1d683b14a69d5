package io.tributary.http.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.app.AppParameters;
import io.tributary.api.app.AppService;
import io.tributary.api.app.StartForm;
import io.tributary.api.event.RunStatus;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.http.ApiException;
import io.tributary.http.AppAuth;
import io.tributary.http.ServiceSlot;

/**
 * The app-level read routes of the service API: {@code /v1/info}, {@code /v1/parameters} (the input form of
 * the published start node) and {@code /v1/workflows/logs}: parse, one {@link AppService} call, render.
 */
public final class AppInfoRoutes {
    static final int MAX_PAGE = 99_999;
    static final int MAX_LIMIT = 100;

    private final AppAuth auth;
    private final ServiceSlot<AppService> service;

    public AppInfoRoutes(AppAuth auth, ServiceSlot<AppService> service) {
        this.auth = auth;
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/info", this::info);
        routes.get("/v1/parameters", this::parameters);
        routes.get("/v1/workflows/logs", this::logs);
    }

    private void info(Context ctx) {
        App app = auth.check(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", app.name());
        m.put("description", app.description());
        m.put("tags", List.of());
        m.put("mode", app.mode());
        m.put("author_name", "");
        ctx.json(m);
    }

    private void parameters(Context ctx) {
        App app = auth.check(ctx);
        AppParameters p = service.get().parameters(app);
        Map<String, Object> features = p.features();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("opening_statement", features.getOrDefault("opening_statement", ""));
        m.put("suggested_questions", features.getOrDefault("suggested_questions", List.of()));
        for (String f : List.of("suggested_questions_after_answer", "speech_to_text", "retriever_resource",
                "annotation_reply", "more_like_this", "sensitive_word_avoidance")) {
            m.put(f, features.getOrDefault(f, Map.of("enabled", false)));
        }
        m.put("text_to_speech", features.getOrDefault("text_to_speech",
                Map.of("enabled", false, "voice", "", "language", "", "autoPlay", "disabled")));
        m.put("user_input_form", p.form().fields().stream().map(AppInfoRoutes::formItem).toList());
        m.put("file_upload", features.getOrDefault("file_upload", Map.of("image", Map.of("enabled", false,
                "number_limits", 3, "detail", "high", "transfer_methods", List.of("remote_url", "local_file")))));
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("file_size_limit", 15);
        limits.put("image_file_size_limit", 10);
        limits.put("audio_file_size_limit", 50);
        limits.put("video_file_size_limit", 100);
        limits.put("workflow_file_upload_limit", 10);
        m.put("system_parameters", limits);
        ctx.json(m);
    }

    static Map<String, Object> formItem(StartForm.Field f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("label", f.label());
        c.put("variable", f.variable());
        c.put("required", f.required());
        if (f.maxLength() != null) {
            c.put("max_length", f.maxLength());
        }
        if ("select".equals(f.type())) {
            c.put("options", f.options());
        }
        c.put("default", f.defaultValue() == null ? "" : f.defaultValue());
        return Map.of(f.type(), c);
    }

    private void logs(Context ctx) {
        App app = auth.check(ctx);
        int page = intParam(ctx, "page", 1, MAX_PAGE, 1);
        int limit = intParam(ctx, "limit", 1, MAX_LIMIT, 20);
        RunStatus status = null;
        String s = ctx.queryParam("status");
        if (s != null && !s.isEmpty()) {
            status = switch (s) {
                case "succeeded" -> RunStatus.SUCCEEDED;
                case "failed" -> RunStatus.FAILED;
                case "stopped" -> RunStatus.STOPPED;
                case "running" -> RunStatus.RUNNING;
                case "partial-succeeded" -> RunStatus.PARTIAL_SUCCEEDED;
                default -> throw ApiException.badRequest("invalid_param",
                        "status must be one of succeeded, failed, stopped, running, partial-succeeded.");
            };
        }
        RunPage p = service.get().logs(app, new RunQuery(app.id(), ctx.queryParam("keyword"), status,
                time(ctx, "created_at__before"), time(ctx, "created_at__after"), page, limit));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("limit", limit);
        m.put("total", p.total());
        m.put("has_more", p.hasMore());
        m.put("data", p.runs().stream().map(AppInfoRoutes::logItem).toList());
        ctx.json(m);
    }

    static Map<String, Object> logItem(RunRecord r) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", r.id());
        run.put("version", r.workflowId());
        run.put("status", r.status().wireName());
        run.put("error", r.error());
        run.put("elapsed_time", r.elapsedMillis() / 1000.0);
        run.put("total_tokens", r.totalTokens());
        run.put("total_steps", r.totalSteps());
        run.put("created_at", r.createdAt().getEpochSecond());
        run.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().getEpochSecond());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", r.createdBy());
        user.put("type", "service_api");
        user.put("is_anonymous", false);
        user.put("session_id", r.createdBy());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("workflow_run", run);
        m.put("created_from", "service-api");
        m.put("created_by_role", "end_user");
        m.put("created_by_account", null);
        m.put("created_by_end_user", user);
        m.put("created_at", r.createdAt().getEpochSecond());
        return m;
    }

    private static int intParam(Context ctx, String name, int min, int max, int dflt) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("invalid_param", name + " must be a whole number from " + min + " to " + max + ".");
    }

    private static Instant time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("invalid_param", name + " must be an ISO 8601 date-time, e.g. "
                        + "2026-01-02T03:04:05+00:00.");
            }
        }
    }
}
