package io.tributary.http.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RetrievalRecord;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.Page;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.http.knowledge.DatasetJson;
import io.tributary.http.knowledge.RetrievalModels;
import io.tributary.http.ApiException;
import io.tributary.http.DatasetAuth;
import io.tributary.http.JsonBody;
import io.tributary.http.JsonFields;
import io.tributary.http.QueryParams;
import io.tributary.http.ServiceSlot;

/**
 * Dify's knowledge-base service API ({@code dataset-} key): datasets, their documents and segments, the
 * indexing status of a batch, deleting a document, and retrieval ({@code retrieve}, alias {@code hit-testing}).
 */
public final class DatasetRoutes {
    static final Set<String> DOCUMENT_STATUSES = Set.of("queuing", "indexing", "paused", "error", "available",
            "disabled", "archived");
    static final List<String> INDEXING_TECHNIQUES = List.of("high_quality", "economy");
    /** Longest retrieval query, as Dify's hit testing. */
    static final int MAX_QUERY = 250;
    static final int MAX_NAME = 40;
    static final int MAX_DESCRIPTION = 400;

    private final DatasetAuth auth;
    private final ServiceSlot<DatasetStore> datasets;
    private final ServiceSlot<KnowledgeBase> knowledge;
    private final ObjectMapper mapper;

    public DatasetRoutes(DatasetAuth auth, ServiceSlot<DatasetStore> datasets, ServiceSlot<KnowledgeBase> knowledge,
                         ObjectMapper mapper) {
        this.auth = auth;
        this.datasets = datasets;
        this.knowledge = knowledge;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/datasets", this::list);
        routes.post("/v1/datasets", this::create);
        routes.get("/v1/datasets/{datasetId}", this::one);
        routes.delete("/v1/datasets/{datasetId}", this::delete);
        routes.get("/v1/datasets/{datasetId}/documents", this::documents);
        routes.get("/v1/datasets/{datasetId}/documents/{batch}/indexing-status", this::indexingStatus);
        routes.get("/v1/datasets/{datasetId}/documents/{documentId}/segments", this::segments);
        routes.delete("/v1/datasets/{datasetId}/documents/{documentId}", this::deleteDocument);
        routes.post("/v1/datasets/{datasetId}/retrieve", this::retrieve);
        routes.post("/v1/datasets/{datasetId}/hit-testing", this::retrieve);
    }

    private Dataset dataset(Context ctx) {
        return datasets.get().dataset(ctx.pathParam("datasetId"))
                .orElseThrow(() -> ApiException.notFound("Dataset not found."));
    }

    private DocumentRecord document(Dataset d, Context ctx) {
        return datasets.get().document(ctx.pathParam("documentId")).filter(doc -> d.id().equals(doc.datasetId()))
                .orElseThrow(() -> ApiException.notFound("Document not found."));
    }

    private Map<String, Object> json(Dataset d) {
        return DatasetJson.dataset(d, datasets.get().stats(d.id()));
    }

    private void list(Context ctx) {
        auth.check(ctx);
        int page = QueryParams.integer(ctx, "page", 1, 1, 99_999);
        int limit = QueryParams.integer(ctx, "limit", 20, 1, 100);
        String keyword = QueryParams.string(ctx, "keyword", null);
        Page<Dataset> p = datasets.get().datasets(keyword, page, limit);
        ctx.json(DatasetJson.page(p, this::json));
    }

    private void create(Context ctx) {
        ApiKey key = auth.check(ctx);
        Map<String, Object> body = JsonBody.object(ctx, mapper);
        String name = JsonFields.requiredString(body, "name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("invalid_param", "Name must be between 1 to " + MAX_NAME + " characters.");
        }
        String description = body.get("description") == null ? "" : JsonFields.requiredString(body, "description");
        if (description.length() > MAX_DESCRIPTION) {
            throw ApiException.badRequest("invalid_param", "Description cannot exceed " + MAX_DESCRIPTION + " characters.");
        }
        String technique = JsonFields.optionalEnum(body, "indexing_technique", INDEXING_TECHNIQUES, null);
        String embeddingProvider = optionalString(body, "embedding_model_provider");
        String embeddingModel = optionalString(body, "embedding_model");
        Map<String, Object> retrieval = JsonFields.optionalObject(body, "retrieval_model");
        if (retrieval != null) {
            RetrievalModels.fromRequest(retrieval);
        }
        if (nameTaken(name)) {
            throw new ApiException(409, "dataset_name_duplicate", "The dataset name already exists. Please modify your dataset name.");
        }
        Dataset d = datasets.get().createDataset(new NewDataset(name, description, null, technique, embeddingProvider,
                embeddingModel, 10, retrieval, null, key.id()));
        ctx.json(json(d));
    }

    private static String optionalString(Map<String, Object> body, String field) {
        return body.get(field) == null ? null : JsonFields.requiredString(body, field);
    }

    /** Whether a dataset has exactly this name (the store's keyword search is a substring match). */
    private boolean nameTaken(String name) {
        for (int page = 1; ; page++) {
            Page<Dataset> p = datasets.get().datasets(name, page, 100);
            if (p.data().stream().anyMatch(d -> name.equals(d.name()))) {
                return true;
            }
            if (!p.hasMore()) {
                return false;
            }
        }
    }

    private void one(Context ctx) {
        auth.check(ctx);
        ctx.json(json(dataset(ctx)));
    }

    private void delete(Context ctx) {
        auth.check(ctx);
        Dataset d = dataset(ctx);
        knowledge.get().deleteIndex(d.id());
        datasets.get().deleteDataset(d.id());
        ctx.status(204);
    }

    private void documents(Context ctx) {
        auth.check(ctx);
        Dataset d = dataset(ctx);
        int page = QueryParams.integer(ctx, "page", 1, 1, 99_999);
        int limit = QueryParams.integer(ctx, "limit", 20, 1, 100);
        String keyword = QueryParams.string(ctx, "keyword", null);
        String status = QueryParams.string(ctx, "status", DOCUMENT_STATUSES);
        Page<DocumentRecord> p = datasets.get().documents(d.id(), keyword, status, page, limit);
        ctx.json(DatasetJson.page(p, DatasetJson::document));
    }

    private void indexingStatus(Context ctx) {
        auth.check(ctx);
        Dataset d = dataset(ctx);
        List<DocumentRecord> docs = datasets.get().batch(d.id(), ctx.pathParam("batch"));
        if (docs.isEmpty()) {
            throw ApiException.notFound("Documents not found.");
        }
        Map<String, Long> counts = datasets.get().segmentCounts(docs.stream().map(DocumentRecord::id).toList());
        ctx.json(Map.of("data", docs.stream()
                .map(doc -> DatasetJson.indexingStatus(doc, counts.getOrDefault(doc.id(), 0L)))
                .toList()));
    }

    private void segments(Context ctx) {
        auth.check(ctx);
        Dataset d = dataset(ctx);
        DocumentRecord doc = document(d, ctx);
        int page = QueryParams.integer(ctx, "page", 1, 1, 99_999);
        int limit = QueryParams.integer(ctx, "limit", 20, 1, 100);
        String keyword = QueryParams.string(ctx, "keyword", null);
        Page<SegmentRecord> p = datasets.get().segments(doc.id(), keyword, page, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", p.data().stream().map(DatasetJson::segment).toList());
        body.put("doc_form", doc.docForm());
        body.put("total", p.total());
        body.put("has_more", p.hasMore());
        body.put("limit", p.limit());
        body.put("page", p.page());
        ctx.json(body);
    }

    private void deleteDocument(Context ctx) {
        auth.check(ctx);
        Dataset d = dataset(ctx);
        DocumentRecord doc = datasets.get().document(ctx.pathParam("documentId"))
                .filter(x -> d.id().equals(x.datasetId()))
                .orElseThrow(() -> ApiException.notFound("Document Not Exists."));
        if (!knowledge.get().deleteDocument(d.id(), doc.id())) {
            throw ApiException.notFound("Document Not Exists.");
        }
        ctx.status(204);
    }

    private void retrieve(Context ctx) throws InterruptedException {
        auth.check(ctx);
        Dataset d = dataset(ctx);
        Map<String, Object> body = JsonBody.object(ctx, mapper);
        String query = JsonFields.requiredString(body, "query");
        if (query.isBlank() || query.length() > MAX_QUERY) {
            throw ApiException.badRequest("invalid_param",
                    "query is required and cannot exceed " + MAX_QUERY + " characters.");
        }
        Map<String, Object> model = JsonFields.optionalObject(body, "retrieval_model");
        RetrievalSettings settings = model == null ? RetrievalModels.fromDataset(d.retrievalModel())
                : RetrievalModels.fromRequest(model);
        if (body.get("attachment_ids") != null && !(body.get("attachment_ids") instanceof List<?>)) {
            throw ApiException.badRequest("invalid_param", "attachment_ids must be an array.");
        }
        List<RetrievalRecord> records;
        try {
            records = knowledge.get().retrieve(d.id(), query, settings);
        } catch (KnowledgeException e) {
            throw ApiException.badRequest("provider_not_initialize", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", Map.of("content", query));
        out.put("records", records.stream().map(DatasetJson::record).toList());
        ctx.json(out);
    }
}
