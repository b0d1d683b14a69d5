package io.tributary.http.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.app.AppDslException;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.pipeline.PipelineImport;
import io.tributary.api.pipeline.PipelineService;
import io.tributary.api.pipeline.PipelineTemplate;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;
import io.tributary.api.store.dto.Page;
import io.tributary.http.knowledge.DatasetJson;
import io.tributary.http.ApiException;
import io.tributary.http.QueryParams;
import io.tributary.http.ServiceSlot;
import io.tributary.http.Uploads;

/**
 * Admin API for knowledge bases: import a {@code rag_pipeline} DSL as a dataset, list, show, publish and delete
 * (its index too), issue, list and revoke {@code dataset-} keys, and check a dataset's index against the store. The
 * admin token is checked by the {@code /admin/*} before-handler.
 */
public final class DatasetAdminRoutes {
    private final ServiceSlot<PipelineService> pipelines;
    private final ServiceSlot<DatasetStore> datasets;
    private final ServiceSlot<KnowledgeBase> knowledge;
    private final ServiceSlot<ApiKeyStore> keys;
    private final Uploads uploads;

    public DatasetAdminRoutes(ServiceSlot<PipelineService> pipelines, ServiceSlot<DatasetStore> datasets,
                              ServiceSlot<KnowledgeBase> knowledge, ServiceSlot<ApiKeyStore> keys, Uploads uploads) {
        this.pipelines = pipelines;
        this.datasets = datasets;
        this.knowledge = knowledge;
        this.keys = keys;
        this.uploads = uploads;
    }

    public void register(RoutesConfig routes) {
        routes.post("/admin/v1/datasets", this::create);
        routes.get("/admin/v1/datasets", this::list);
        routes.get("/admin/v1/datasets/{datasetId}", this::one);
        routes.post("/admin/v1/datasets/{datasetId}/publish", this::publish);
        routes.delete("/admin/v1/datasets/{datasetId}", this::delete);
        routes.get("/admin/v1/datasets/{datasetId}/index-check", this::indexCheck);
        routes.post("/admin/v1/dataset-api-keys", this::issueKey);
        routes.get("/admin/v1/dataset-api-keys", this::listKeys);
        routes.delete("/admin/v1/dataset-api-keys/{keyId}", this::revokeKey);
        routes.get("/admin/v1/pipeline-templates", this::templates);
        routes.get("/admin/v1/pipeline-templates/{templateId}", this::template);
    }

    /** The built-in pipeline templates, without their DSL. */
    private void templates(Context ctx) {
        List<Map<String, Object>> data = pipelines.get().templates().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("description", t.description());
            return m;
        }).toList();
        ctx.json(Map.of("data", data));
    }

    /** One template with its DSL. */
    private void template(Context ctx) {
        PipelineTemplate t = template(ctx.pathParam("templateId"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("dsl", t.dsl());
        ctx.json(m);
    }

    private PipelineTemplate template(String id) {
        return pipelines.get().templates().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Pipeline template " + id + " not found."));
    }

    /** A dataset from the DSL in the body, or from a built-in template ({@code ?template=<id>}, empty body). */
    private void create(Context ctx) throws IOException {
        String templateId = ctx.queryParam("template");
        String yaml = templateId == null ? DslBody.text(ctx, uploads) : template(templateId).dsl();
        PipelineImport imported;
        try {
            imported = pipelines.get().importPipeline(yaml, "admin");
        } catch (DslImportException e) {
            throw new AppDslException(e.problems());
        }
        Map<String, Object> out = json(imported.dataset(), true);
        out.put("warnings", imported.warnings());
        ctx.status(201).json(out);
    }

    private Map<String, Object> json(Dataset d, boolean withDsl) {
        Map<String, Object> m = DatasetJson.dataset(d, datasets.get().stats(d.id()));
        if (withDsl) {
            m.put("dsl", d.draftDsl());
        }
        return m;
    }

    private Dataset dataset(Context ctx) {
        String id = ctx.pathParam("datasetId");
        return datasets.get().dataset(id).orElseThrow(() -> ApiException.notFound("Dataset " + id + " not found."));
    }

    private void list(Context ctx) {
        int page = QueryParams.integer(ctx, "page", 1, 1, 99_999);
        int limit = QueryParams.integer(ctx, "limit", 100, 1, 1000);
        Page<Dataset> p = datasets.get().datasets(QueryParams.string(ctx, "keyword", null), page, limit);
        ctx.json(DatasetJson.page(p, d -> json(d, false)));
    }

    private void one(Context ctx) {
        ctx.json(json(dataset(ctx), true));
    }

    private void publish(Context ctx) {
        Dataset d = dataset(ctx);
        DatasetVersion v = pipelines.get().publish(d.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset_id", v.datasetId());
        body.put("version", v.version());
        body.put("workflow_id", v.workflowId());
        body.put("created_at", v.createdAt().getEpochSecond());
        ctx.status(201).json(body);
    }

    private void delete(Context ctx) {
        Dataset d = dataset(ctx);
        // The index first: if the store delete then fails the dataset is still listed and can be deleted again.
        knowledge.get().deleteIndex(d.id());
        datasets.get().deleteDataset(d.id());
        ctx.status(204);
    }

    /** The dataset's segment ids in the store and in the index, and the difference (operators; the crash E2E). */
    private void indexCheck(Context ctx) {
        Dataset d = dataset(ctx);
        List<String> stored = datasets.get().segmentIds(d.id());
        Set<String> indexed = knowledge.get().indexedSegmentIds(d.id());
        Set<String> storedSet = new HashSet<>(stored);
        Set<String> missing = new TreeSet<>(storedSet);
        missing.removeAll(indexed);
        Set<String> extra = new TreeSet<>(indexed);
        extra.removeAll(storedSet);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset_id", d.id());
        body.put("store_segments", stored.size());
        body.put("distinct_store_segments", storedSet.size());
        body.put("index_segments", indexed.size());
        body.put("missing_from_index", new ArrayList<>(missing));
        body.put("not_in_store", new ArrayList<>(extra));
        body.put("consistent", missing.isEmpty() && extra.isEmpty() && storedSet.size() == stored.size());
        ctx.json(body);
    }

    private void issueKey(Context ctx) {
        IssuedKey issued = keys.get().issue(KeyKind.DATASET, null);
        Map<String, Object> body = json(issued.key());
        body.put("token", issued.secret());
        ctx.status(201).json(body);
    }

    private void listKeys(Context ctx) {
        ctx.json(Map.of("data", keys.get().list(KeyKind.DATASET, null).stream().map(DatasetAdminRoutes::json).toList()));
    }

    private void revokeKey(Context ctx) {
        String keyId = ctx.pathParam("keyId");
        boolean ours = keys.get().list(KeyKind.DATASET, null).stream().anyMatch(k -> k.id().equals(keyId) && k.active());
        if (!ours || !keys.get().revoke(keyId)) {
            throw ApiException.notFound("API key " + keyId + " not found.");
        }
        ctx.json(Map.of("result", "success"));
    }

    static Map<String, Object> json(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("type", "dataset");
        m.put("hint", k.hint());
        m.put("created_at", k.createdAt().getEpochSecond());
        m.put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().getEpochSecond());
        return m;
    }
}
