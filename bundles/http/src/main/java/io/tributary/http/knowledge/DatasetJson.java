package io.tributary.http.knowledge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.knowledge.RetrievalRecord;
import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.pipeline.DatasourcePlugin;
import io.tributary.api.store.dto.ChildChunkRecord;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore.DatasetStats;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.Page;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.api.store.dto.UploadFile;

/**
 * The knowledge records as Dify's service API writes them: field names, nulls and epoch-second times as Dify
 * sends them (ISO 8601 only where Dify uses it: the pipeline file upload).
 */
public final class DatasetJson {
    private DatasetJson() {
    }

    static Long epoch(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Dify's {@code display_status} of a document. */
    public static String displayStatus(DocumentRecord d) {
        return switch (d.indexingStatus() == null ? "" : d.indexingStatus()) {
            case "waiting" -> "queuing";
            case "parsing", "cleaning", "splitting", "indexing" -> "indexing";
            case "paused" -> "paused";
            case "error" -> "error";
            case "completed" -> d.enabled() ? "available" : "disabled";
            default -> d.indexingStatus();
        };
    }

    /** {@code {id, name, size, extension, mime_type, created_by, created_at (ISO 8601)}}. */
    public static Map<String, Object> upload(UploadFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("size", f.size());
        m.put("extension", f.extension());
        m.put("mime_type", f.mimeType());
        m.put("created_by", f.createdBy());
        m.put("created_at", iso(f.createdAt()));
        return m;
    }

    /** A dataset with Dify's detail fields. */
    public static Map<String, Object> dataset(Dataset d, DatasetStats stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("provider", "vendor");
        m.put("permission", "all_team_members");
        m.put("data_source_type", null);
        m.put("indexing_technique", d.indexingTechnique());
        m.put("app_count", 0);
        m.put("document_count", stats.documentCount());
        m.put("word_count", stats.wordCount());
        m.put("created_by", d.createdBy());
        m.put("author_name", d.createdBy());
        m.put("created_at", epoch(d.createdAt()));
        m.put("updated_by", d.createdBy());
        m.put("updated_at", epoch(d.updatedAt()));
        m.put("embedding_model", d.embeddingModel().isEmpty() ? null : d.embeddingModel());
        m.put("embedding_model_provider", d.embeddingModelProvider().isEmpty() ? null : d.embeddingModelProvider());
        m.put("embedding_available", true);
        m.put("retrieval_model_dict", retrievalModelDict(d.retrievalModel()));
        m.put("tags", List.of());
        m.put("doc_form", d.chunkStructure());
        m.put("external_knowledge_info", null);
        m.put("external_retrieval_model", null);
        m.put("doc_metadata", List.of());
        m.put("built_in_field_enabled", false);
        m.put("pipeline_id", d.draftDsl() == null && d.publishedVersion() == null ? null : d.id());
        m.put("runtime_mode", "rag_pipeline");
        m.put("chunk_structure", d.chunkStructure());
        m.put("icon_info", null);
        m.put("is_published", d.publishedVersion() != null);
        m.put("published_version", d.publishedVersion());
        m.put("total_documents", stats.documentCount());
        m.put("enable_api", true);
        m.put("keyword_number", d.keywordNumber());
        return m;
    }

    /** The stored retrieval model with Dify's defaults filled in. */
    static Map<String, Object> retrievalModelDict(Map<String, Object> stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search_method", "semantic_search");
        m.put("reranking_enable", false);
        m.put("reranking_mode", null);
        m.put("reranking_model", Map.of("reranking_provider_name", "", "reranking_model_name", ""));
        m.put("weights", null);
        m.put("top_k", 2);
        m.put("score_threshold_enabled", false);
        m.put("score_threshold", null);
        if (stored != null) {
            m.putAll(stored);
        }
        return m;
    }

    /** The short dataset of a batch answer: {@code {id, name, description, chunk_structure}}. */
    static Map<String, Object> datasetBrief(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("chunk_structure", d.chunkStructure());
        return m;
    }

    /** A published run's answer: {@code {batch, dataset, documents}} exactly as Dify's. */
    public static Map<String, Object> batch(BatchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", r.batch());
        m.put("dataset", datasetBrief(r.dataset()));
        m.put("documents", r.documents().stream().map(d -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", d.id());
            doc.put("position", d.position());
            doc.put("data_source_type", d.dataSourceType());
            doc.put("data_source_info", d.dataSourceInfo());
            doc.put("name", d.name());
            doc.put("indexing_status", d.indexingStatus());
            doc.put("error", d.error());
            doc.put("enabled", d.enabled());
            return doc;
        }).toList());
        return m;
    }

    /** A document with Dify's list fields. */
    public static Map<String, Object> document(DocumentRecord d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("position", d.position());
        m.put("data_source_type", d.dataSourceType());
        m.put("data_source_info", d.dataSourceInfo());
        m.put("data_source_detail_dict", d.dataSourceInfo());
        m.put("dataset_process_rule_id", null);
        m.put("name", d.name());
        m.put("created_from", d.createdFrom());
        m.put("created_by", d.createdBy());
        m.put("created_at", epoch(d.createdAt()));
        m.put("tokens", d.tokens());
        m.put("indexing_status", d.indexingStatus());
        m.put("error", d.error());
        m.put("enabled", d.enabled());
        m.put("disabled_at", null);
        m.put("disabled_by", null);
        m.put("archived", false);
        m.put("display_status", displayStatus(d));
        m.put("word_count", d.wordCount());
        m.put("hit_count", 0);
        m.put("doc_form", d.docForm());
        m.put("doc_metadata", List.of());
        m.put("batch", d.batch());
        return m;
    }

    /** One entry of {@code indexing-status}. */
    public static Map<String, Object> indexingStatus(DocumentRecord d, long totalSegments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("indexing_status", d.indexingStatus());
        m.put("processing_started_at", epoch(d.processingStartedAt()));
        m.put("parsing_completed_at", epoch(d.parsingCompletedAt()));
        m.put("cleaning_completed_at", epoch(d.cleaningCompletedAt()));
        m.put("splitting_completed_at", epoch(d.splittingCompletedAt()));
        m.put("completed_at", epoch(d.completedAt()));
        m.put("paused_at", null);
        m.put("error", d.error());
        m.put("stopped_at", null);
        m.put("completed_segments", "completed".equals(d.indexingStatus()) ? totalSegments : 0);
        m.put("total_segments", totalSegments);
        return m;
    }

    /** A segment with Dify's fields and its child chunks. */
    public static Map<String, Object> segment(SegmentRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("position", s.position());
        m.put("document_id", s.documentId());
        m.put("content", s.content());
        m.put("sign_content", s.content());
        m.put("answer", s.answer());
        m.put("word_count", s.wordCount());
        m.put("tokens", s.tokens());
        m.put("keywords", s.keywords());
        m.put("index_node_id", s.id());
        m.put("index_node_hash", s.indexNodeHash());
        m.put("hit_count", 0);
        m.put("enabled", s.enabled());
        m.put("disabled_at", null);
        m.put("disabled_by", null);
        m.put("status", s.status());
        m.put("created_by", "");
        m.put("created_at", epoch(s.createdAt()));
        m.put("updated_at", epoch(s.createdAt()));
        m.put("updated_by", null);
        m.put("indexing_at", epoch(s.createdAt()));
        m.put("completed_at", epoch(s.completedAt()));
        m.put("error", null);
        m.put("stopped_at", null);
        m.put("child_chunks", s.childChunks().stream().map(DatasetJson::childChunk).toList());
        m.put("attachments", List.of());
        m.put("summary", null);
        return m;
    }

    static Map<String, Object> childChunk(ChildChunkRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("segment_id", c.segmentId());
        m.put("content", c.content());
        m.put("position", c.position());
        m.put("word_count", c.wordCount());
        m.put("type", c.type());
        m.put("created_at", epoch(c.createdAt()));
        m.put("updated_at", epoch(c.createdAt()));
        return m;
    }

    /** One retrieval record: {@code {segment{... + document}, child_chunks, score, tsne_position, files, summary}}. */
    public static Map<String, Object> record(RetrievalRecord r) {
        Map<String, Object> segment = segment(r.segment());
        segment.remove("child_chunks");
        Map<String, Object> doc = new LinkedHashMap<>();
        DocumentRecord d = r.document();
        doc.put("id", d == null ? r.segment().documentId() : d.id());
        doc.put("data_source_type", d == null ? null : d.dataSourceType());
        doc.put("name", d == null ? null : d.name());
        doc.put("doc_type", null);
        doc.put("doc_metadata", null);
        segment.put("document", doc);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("segment", segment);
        m.put("child_chunks", r.childChunks().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.chunk().id());
            cm.put("content", c.chunk().content());
            cm.put("position", c.chunk().position());
            cm.put("score", c.score());
            return cm;
        }).toList());
        m.put("score", r.score());
        m.put("tsne_position", null);
        m.put("files", List.of());
        m.put("summary", null);
        return m;
    }

    /** A datasource node as {@code datasource-plugins} lists it. */
    public static Map<String, Object> datasourcePlugin(DatasourcePlugin p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node_id", p.nodeId());
        m.put("plugin_id", p.pluginId());
        m.put("provider_name", p.providerName());
        m.put("datasource_type", p.datasourceType());
        m.put("title", p.title());
        m.put("user_input_variables", p.userInputVariables() == null ? List.of() : p.userInputVariables());
        m.put("credentials", p.credentials() == null ? List.of() : p.credentials());
        return m;
    }

    /** A page as Dify lists: {@code {data, has_more, limit, total, page}}. */
    public static <T> Map<String, Object> page(Page<T> p, java.util.function.Function<T, Map<String, Object>> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", p.data().stream().map(item).toList());
        m.put("has_more", p.hasMore());
        m.put("limit", p.limit());
        m.put("total", p.total());
        m.put("page", p.page());
        return m;
    }
}
