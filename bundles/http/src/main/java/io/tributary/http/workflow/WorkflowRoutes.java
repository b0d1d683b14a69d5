package io.tributary.http.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.dsl.EnvironmentVariable;
import io.tributary.api.dsl.Secret;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.event.RunFinished;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.api.store.RunStore;
import io.tributary.http.files.RunFiles;
import io.tributary.http.ApiException;
import io.tributary.http.AppAuth;
import io.tributary.http.JsonBody;
import io.tributary.http.ServiceSlot;
import io.tributary.http.workflow.InputForm;
import io.tributary.http.workflow.PublishedGraphs;
import io.tributary.http.workflow.RunStream;
import io.tributary.http.workflow.WireEvents;

/**
 * Dify's workflow service API: run (blocking or streaming), stop, and run detail. Every route authenticates
 * with the app's {@code app-} key and runs the app's latest published version, or the published version named
 * by {@code /v1/workflows/{workflow_id}/run}. Request files become Dify File maps ({@link RunFiles}) in
 * {@code sys.files} and in the start node's file inputs.
 */
public final class WorkflowRoutes {
    static final String STOP_REASON = "User requested stop";

    private final AppAuth auth;
    private final ServiceSlot<AppStore> apps;
    private final ServiceSlot<RunStore> runs;
    private final ServiceSlot<WorkflowEngine> engine;
    private final ServiceSlot<DslImporter> importer;
    private final ObjectMapper mapper;
    private final PublishedGraphs graphs = new PublishedGraphs();
    private final Duration ping;
    private final ServiceSlot<FileStore> files;
    private final ServiceSlot<SsrfGuard> ssrf;

    public WorkflowRoutes(AppAuth auth, ServiceSlot<AppStore> apps, ServiceSlot<RunStore> runs,
                          ServiceSlot<WorkflowEngine> engine, ServiceSlot<DslImporter> importer, ObjectMapper mapper,
                          Duration ping, ServiceSlot<FileStore> files, ServiceSlot<SsrfGuard> ssrf) {
        this.files = files;
        this.ssrf = ssrf;
        this.auth = auth;
        this.apps = apps;
        this.runs = runs;
        this.engine = engine;
        this.importer = importer;
        this.mapper = mapper;
        this.ping = ping;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/workflows/run", ctx -> run(ctx, null));
        routes.post("/v1/workflows/{workflowId}/run", ctx -> run(ctx, ctx.pathParam("workflowId")));
        routes.post("/v1/workflows/tasks/{taskId}/stop", this::stop);
        routes.get("/v1/workflows/run/{runId}", this::detail);
    }

    /** The app's latest published version and its parsed document. */
    record Published(AppVersion version, DslDocument document) {
    }

    Published published(App app) {
        AppVersion v = apps.get().latest(app.id()).orElseThrow(() -> ApiException.badRequest("app_unavailable",
                "App unavailable, please publish the workflow first."));
        return parsed(v);
    }

    /**
     * A specific published version of the app ({@code POST /v1/workflows/{workflow_id}/run}): a malformed id is
     * 400 {@code bad_request}, an unknown one or one of another app 404 {@code not_found}.
     */
    Published published(App app, String workflowId) {
        try {
            UUID.fromString(workflowId);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_request", "Invalid workflow ID format: " + workflowId
                    + ". Only published workflow versions can be run.");
        }
        AppVersion v = apps.get().version(workflowId).filter(x -> x.appId().equals(app.id()))
                .orElseThrow(() -> ApiException.notFound("Workflow not found with id: " + workflowId));
        return parsed(v);
    }

    private Published parsed(AppVersion v) {
        try {
            return new Published(v, graphs.document(v, importer.get()));
        } catch (DslImportException e) {
            throw ApiException.badRequest("app_unavailable", "The published workflow cannot be read: " + e.getMessage());
        }
    }

    private void run(Context ctx, String workflowIdParam) throws InterruptedException {
        App app = auth.check(ctx);
        Map<String, Object> body = JsonBody.object(ctx, mapper);
        String user = JsonBody.string(body, "user");
        if (user == null || user.isBlank()) {
            throw ApiException.badRequest("invalid_param", "Arg user must be provided.");
        }
        String mode = JsonBody.string(body, "response_mode");
        boolean streaming = "streaming".equals(mode);
        if (mode != null && !streaming && !"blocking".equals(mode)) {
            throw ApiException.badRequest("invalid_param", "response_mode must be 'blocking' or 'streaming'.");
        }
        Object rawInputs = body.get("inputs");
        if (!(rawInputs instanceof Map<?, ?>)) {
            throw ApiException.badRequest("invalid_param", "inputs is required in request body and must be an object.");
        }
        if (body.get("files") != null && !(body.get("files") instanceof java.util.List<?>)) {
            throw ApiException.badRequest("invalid_param", "files must be a list.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) rawInputs;
        Published p = workflowIdParam == null ? published(app) : published(app, workflowIdParam);
        RunFiles runFiles = new RunFiles(files::get, ssrf::get);
        List<Object> sysFiles = runFiles.systemFiles(body.get("files"));
        Map<String, Object> inputs = InputForm.of(p.document().graph())
                .validate(runFiles.inputs(p.document().graph(), given));

        String runId = io.tributary.api.model.TimeOrderedIds.next();
        String workflowId = p.version().workflowId();
        WireEvents wire = new WireEvents(workflowId, user);
        RunStream stream = streaming ? new RunStream(wire, mapper) : null;
        RunRequest.Builder request = RunRequest.builder().runId(runId).workflowId(workflowId).inputs(inputs)
                .system("user_id", user).system("app_id", app.id()).system("workflow_id", workflowId)
                .system("files", sysFiles)
                .listener(stream);
        for (EnvironmentVariable env : p.document().environmentVariables()) {
            Object value = env.value() instanceof Secret s ? s.reveal() : env.value();
            request.environment(env.name(), value, env.secret());
        }
        runs.get().begin(RunRecord.started(runId, app.id(), workflowId, inputs, user, Instant.now()));
        RunHandle handle;
        try {
            handle = engine.get().start(p.document().graph(), request.build());
        } catch (RunRejectedException e) {
            runs.get().reject(runId, e.getMessage());
            throw ApiException.badRequest("app_unavailable", "The workflow cannot run: " + e.getMessage());
        }
        if (streaming) {
            try {
                stream.pump(ctx, ping, () -> runs.get().flush());
            } finally {
                handle.unsubscribe(stream); // a client that left: the run goes on, nobody queues for it
            }
            return;
        }
        RunFinished f;
        try {
            f = handle.completion().toCompletableFuture().get(WireEvents.BLOCKING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("run " + runId + " did not complete", e);
        }
        runs.get().flush(); // the record is durable before the client hears the run ended
        Map<String, Object> data = WireEvents.workflowFinished(f, workflowId, user);
        data.keySet().retainAll(java.util.Set.of("id", "workflow_id", "status", "outputs", "error", "elapsed_time",
                "total_tokens", "total_steps", "created_at", "finished_at"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", runId);
        out.put("workflow_run_id", runId);
        out.put("data", data);
        ctx.json(out);
    }

    private void stop(Context ctx) {
        App app = auth.check(ctx);
        Map<String, Object> body = JsonBody.object(ctx, mapper);
        String user = JsonBody.string(body, "user");
        if (user == null || user.isBlank()) {
            throw ApiException.badRequest("invalid_param", "Arg user must be provided.");
        }
        String taskId = ctx.pathParam("taskId");
        engine.get().run(taskId).ifPresent(handle -> {
            if (runs.get().run(taskId).map(r -> app.id().equals(r.appId())).orElse(false)) {
                handle.stop(STOP_REASON);
            }
        });
        // As Dify: a stop request for an unknown or finished task also succeeds; it has nothing to stop.
        ctx.json(Map.of("result", "success"));
    }

    private void detail(Context ctx) throws Exception {
        App app = auth.check(ctx);
        RunRecord r = runs.get().run(ctx.pathParam("runId")).filter(x -> app.id().equals(x.appId()))
                .orElseThrow(() -> ApiException.notFound("Workflow run not found."));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("workflow_id", r.workflowId());
        m.put("status", r.status().wireName());
        m.put("inputs", mapper.writeValueAsString(r.inputs()));
        m.put("outputs", r.outputs());
        m.put("error", r.error());
        m.put("total_steps", r.totalSteps());
        m.put("total_tokens", r.totalTokens());
        m.put("created_at", r.createdAt().getEpochSecond());
        m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().getEpochSecond());
        m.put("elapsed_time", r.elapsedMillis() / 1000.0);
        ctx.json(m);
    }
}
