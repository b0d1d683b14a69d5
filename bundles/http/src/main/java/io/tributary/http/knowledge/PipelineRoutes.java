package io.tributary.http.knowledge;

import java.io.IOException;
import java.io.InputStream;
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
import io.tributary.api.engine.RunHandle;
import io.tributary.api.event.RunFinished;
import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.pipeline.DatasourceNodeRun;
import io.tributary.api.pipeline.PipelineService;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.http.knowledge.DatasetJson;
import io.tributary.http.knowledge.DatasourceStream;
import io.tributary.http.knowledge.PipelineRunBody;
import io.tributary.http.knowledge.UploadRules;
import io.tributary.http.ApiException;
import io.tributary.http.DatasetAuth;
import io.tributary.http.JsonBody;
import io.tributary.http.QueryParams;
import io.tributary.http.ServiceSlot;
import io.tributary.http.Uploads;
import io.tributary.http.workflow.RunStream;
import io.tributary.http.workflow.WireEvents;

/**
 * Dify's knowledge-pipeline service API ({@code dataset-} key): the pipeline file upload, pipeline runs (published:
 * the batch at once; draft: the first item streamed or blocking), the datasource nodes and a datasource node run.
 */
public final class PipelineRoutes {
    private final DatasetAuth auth;
    private final ServiceSlot<PipelineService> pipelines;
    private final ServiceSlot<DatasetStore> datasets;
    private final ServiceSlot<FileStore> files;
    private final ObjectMapper mapper;
    private final Duration ping;
    private final long maxUploadBytes;
    private final Uploads uploads;

    public PipelineRoutes(DatasetAuth auth, ServiceSlot<PipelineService> pipelines, ServiceSlot<DatasetStore> datasets,
                          ServiceSlot<FileStore> files, ObjectMapper mapper, Duration ping, long maxUploadBytes,
                          Uploads uploads) {
        this.auth = auth;
        this.pipelines = pipelines;
        this.datasets = datasets;
        this.files = files;
        this.mapper = mapper;
        this.ping = ping;
        this.maxUploadBytes = maxUploadBytes;
        this.uploads = uploads;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/datasets/pipeline/file-upload", this::upload);
        routes.post("/v1/datasets/{datasetId}/pipeline/run", this::run);
        routes.get("/v1/datasets/{datasetId}/pipeline/datasource-plugins", this::datasourcePlugins);
        routes.post("/v1/datasets/{datasetId}/pipeline/datasource/nodes/{nodeId}/run", this::runDatasourceNode);
    }

    private void upload(Context ctx) throws IOException {
        ApiKey key = auth.check(ctx);
        try (Uploads.Form form = uploads.read(ctx, maxUploadBytes)) {
            Uploads.FilePart file = form.single("file");
            String name = UploadRules.baseName(file.name());
            if (name.isEmpty()) {
                throw ApiException.badRequest("filename_not_exists_error", "The specified filename does not exist.");
            }
            java.util.Set<String> accepted = pipelines.get().uploadExtensions();
            if (file.contentType() == null || !UploadRules.accepted(name, accepted)) {
                throw new ApiException(415, "unsupported_file_type", UploadRules.refusal(accepted));
            }
            if (file.size() > maxUploadBytes) {
                throw Uploads.tooLarge(maxUploadBytes);
            }
            String mime = file.contentType().startsWith("application/octet-stream") ? null : file.contentType();
            UploadFile saved;
            try (InputStream in = file.open()) {
                saved = files.get().save(name, mime, key.id(), UploadFile.DATASETS_SCOPE, in, maxUploadBytes);
            } catch (FileTooLargeException e) {
                throw Uploads.tooLarge(maxUploadBytes);
            }
            ctx.status(201).json(DatasetJson.upload(saved));
        }
    }

    private void requireDataset(String id) {
        if (datasets.get().dataset(id).isEmpty()) {
            throw ApiException.notFound("Dataset not found.");
        }
    }

    private void run(Context ctx) throws InterruptedException {
        ApiKey key = auth.check(ctx);
        String id = ctx.pathParam("datasetId");
        requireDataset(id);
        PipelineRunBody.Run run = PipelineRunBody.run(JsonBody.object(ctx, mapper), key.id());
        if (run.request().published()) {
            // As Dify: a published run answers the batch as JSON in both response modes.
            BatchResult batch = pipelines.get().runPublished(id, run.request());
            ctx.json(DatasetJson.batch(batch));
            return;
        }
        WireEvents wire = new WireEvents(null, key.id(), true); // Dify truncates pipeline run events
        RunStream stream = run.streaming() ? new RunStream(mapper) : null;
        RunHandle handle = pipelines.get().runDraft(id, run.request(), stream == null ? e -> { } : stream);
        if (stream != null) {
            try {
                stream.pump(ctx, ping, wire, handle);
            } finally {
                handle.unsubscribe(stream);
            }
            return;
        }
        RunFinished f;
        try {
            f = handle.completion().toCompletableFuture().get(WireEvents.BLOCKING_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("draft run " + handle.runId() + " did not complete", e);
        }
        Map<String, Object> data = WireEvents.workflowFinished(f, null, key.id());
        data.keySet().retainAll(java.util.Set.of("id", "workflow_id", "status", "outputs", "error", "elapsed_time",
                "total_tokens", "total_steps", "created_at", "finished_at"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", handle.runId());
        out.put("workflow_run_id", handle.runId());
        out.put("data", data);
        ctx.json(out);
    }

    private void datasourcePlugins(Context ctx) {
        auth.check(ctx);
        String id = ctx.pathParam("datasetId");
        boolean published = QueryParams.bool(ctx, "is_published", true);
        requireDataset(id);
        ctx.json(pipelines.get().datasourcePlugins(id, published).stream().map(DatasetJson::datasourcePlugin).toList());
    }

    private void runDatasourceNode(Context ctx) throws InterruptedException {
        auth.check(ctx);
        String id = ctx.pathParam("datasetId");
        requireDataset(id);
        DatasourceNodeRun run = PipelineRunBody.datasourceNode(JsonBody.object(ctx, mapper));
        DatasourceStream stream = new DatasourceStream(ctx, mapper);
        try {
            pipelines.get().runDatasourceNode(id, ctx.pathParam("nodeId"), run, stream);
        } catch (RuntimeException e) {
            if (!stream.started()) {
                throw e;
            }
            stream.error(e instanceof ApiException || e instanceof io.tributary.api.error.ServiceException
                    ? e.getMessage() : "Internal Server Error, please contact support.");
        }
        stream.finish();
    }
}
