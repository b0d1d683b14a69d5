package io.tributary.http.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.UploadFile;

class DatasetJsonTest {
    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

    private static DocumentRecord doc(String status, boolean enabled) {
        return new DocumentRecord("d1", "ds1", 1, "20260304050607123456", "a.txt", "local_file",
                Map.of("reference", "f1"), "rag-pipeline", "text_model", status, null, enabled, 0, 0, "k1", T, null,
                null, null, null, null, T);
    }

    @Test
    void displayStatusFollowsDify() {
        assertEquals("queuing", DatasetJson.displayStatus(doc("waiting", true)));
        assertEquals("indexing", DatasetJson.displayStatus(doc("parsing", true)));
        assertEquals("indexing", DatasetJson.displayStatus(doc("indexing", true)));
        assertEquals("error", DatasetJson.displayStatus(doc("error", true)));
        assertEquals("available", DatasetJson.displayStatus(doc("completed", true)));
        assertEquals("disabled", DatasetJson.displayStatus(doc("completed", false)));
    }

    @Test
    void aBatchHasExactlyDifysFields() {
        Dataset ds = new Dataset("ds1", "Docs", "", "text_model", "economy", "", "", 10, Map.of(), "dsl", 1, "", T, T);
        Map<String, Object> m = DatasetJson.batch(new BatchResult("20260304050607123456", ds, List.of(doc("waiting", true))));
        assertEquals(List.of("batch", "dataset", "documents"), List.copyOf(m.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = (Map<String, Object>) m.get("dataset");
        assertEquals(List.of("id", "name", "description", "chunk_structure"), List.copyOf(dataset.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> d = ((List<Map<String, Object>>) m.get("documents")).get(0);
        assertEquals(List.of("id", "position", "data_source_type", "data_source_info", "name", "indexing_status",
                "error", "enabled"), List.copyOf(d.keySet()));
        assertEquals("waiting", d.get("indexing_status"));
    }

    @Test
    void anUploadHasAnIsoCreationTime() {
        Map<String, Object> m = DatasetJson.upload(new UploadFile("f1", "a.pdf", 12, "pdf", "application/pdf", "00",
                "k1", T));
        assertEquals(List.of("id", "name", "size", "extension", "mime_type", "created_by", "created_at"),
                List.copyOf(m.keySet()));
        assertEquals("2026-03-04T05:06:07Z", m.get("created_at"));
    }

    @Test
    void aDatasetIsARagPipelineWithDefaultsFilledIn() {
        Dataset ds = new Dataset("ds1", "Docs", "", null, null, "", "", 10, Map.of("top_k", 3), null, null, "", T, T);
        Map<String, Object> m = DatasetJson.dataset(ds, new io.tributary.api.store.DatasetStore.DatasetStats(2, 40));
        assertEquals("rag_pipeline", m.get("runtime_mode"));
        assertEquals(false, m.get("is_published"));
        assertEquals(2L, m.get("document_count"));
        assertEquals(40L, m.get("word_count"));
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) m.get("retrieval_model_dict");
        assertEquals(3, r.get("top_k"));
        assertEquals("semantic_search", r.get("search_method"));
    }
}
