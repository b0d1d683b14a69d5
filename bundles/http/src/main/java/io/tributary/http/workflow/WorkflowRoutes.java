package io.tributary.http.workflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.app.AppRun;
import io.tributary.api.app.AppRunRequest;
import io.tributary.api.app.AppService;
import io.tributary.api.event.RunFinished;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.http.ApiException;
import io.tributary.http.AppAuth;
import io.tributary.http.JsonBody;
import io.tributary.http.ServiceSlot;

/**
 * Dify's workflow service API: run (blocking or streaming), stop, and run detail. Every route authenticates with
 * the app's {@code app-} key, parses the request, makes one {@link AppService} call and renders the answer.
 */
public final class WorkflowRoutes {
    private final AppAuth auth;
    private final ServiceSlot<AppService> service;
    private final ObjectMapper mapper;
    private final Duration ping;

    public WorkflowRoutes(AppAuth auth, ServiceSlot<AppService> service, ObjectMapper mapper, Duration ping) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.ping = ping;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/workflows/run", ctx -> run(ctx, null));
        routes.post("/v1/workflows/{workflowId}/run", ctx -> run(ctx, ctx.pathParam("workflowId")));
        routes.post("/v1/workflows/tasks/{taskId}/stop", this::stop);
        routes.get("/v1/workflows/run/{runId}", this::detail);
    }

    private void run(Context ctx, String workflowId) throws InterruptedException {
        App app = auth.check(ctx);
        Map<String, Object> body = JsonBody.object(ctx, mapper);
        String user = user(body);
        String mode = JsonBody.string(body, "response_mode");
        boolean streaming = "streaming".equals(mode);
        if (mode != null && !streaming && !"blocking".equals(mode)) {
            throw ApiException.badRequest("invalid_param", "response_mode must be 'blocking' or 'streaming'.");
        }
        if (!(body.get("inputs") instanceof Map<?, ?> rawInputs)) {
            throw ApiException.badRequest("invalid_param", "inputs is required in request body and must be an object.");
        }
        if (body.get("files") != null && !(body.get("files") instanceof List<?>)) {
            throw ApiException.badRequest("invalid_param", "files must be a list.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) rawInputs;
        RunStream stream = streaming ? new RunStream(mapper) : null;
        AppRun run = service.get().run(app, new AppRunRequest(workflowId, inputs, (List<?>) body.get("files"), user,
                stream));
        WireEvents wire = new WireEvents(run.workflowId(), user);
        if (streaming) {
            try {
                stream.pump(ctx, ping, wire, run.handle());
            } finally {
                run.handle().unsubscribe(stream); // a client that left: the run goes on, nobody queues for it
            }
            return;
        }
        RunFinished f;
        try { // completes once the final record is durable
            f = run.handle().completion().toCompletableFuture().get(WireEvents.BLOCKING_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("run " + run.runId() + " did not complete", e);
        }
        Map<String, Object> data = WireEvents.workflowFinished(f, run.workflowId(), user);
        data.keySet().retainAll(java.util.Set.of("id", "workflow_id", "status", "outputs", "error", "elapsed_time",
                "total_tokens", "total_steps", "created_at", "finished_at"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", run.runId());
        out.put("workflow_run_id", run.runId());
        out.put("data", data);
        ctx.json(out);
    }

    private static String user(Map<String, Object> body) {
        String user = JsonBody.string(body, "user");
        if (user == null || user.isBlank()) {
            throw ApiException.badRequest("invalid_param", "Arg user must be provided.");
        }
        return user;
    }

    private void stop(Context ctx) {
        App app = auth.check(ctx);
        String user = user(JsonBody.object(ctx, mapper));
        // As Dify: a stop of an unknown, finished or foreign task also succeeds; it has nothing to stop.
        service.get().stop(app, ctx.pathParam("taskId"), user);
        ctx.json(Map.of("result", "success"));
    }

    private void detail(Context ctx) throws Exception {
        App app = auth.check(ctx);
        RunRecord r = service.get().runDetail(app, ctx.pathParam("runId"));
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
