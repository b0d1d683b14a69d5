package io.tributary.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.dsl.DslImportException;
import io.tributary.api.error.ServiceException.Reason;
import io.tributary.api.model.Problem;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.pipeline.definition.PipelineDsl;

class PipelineImportTest extends PipelineFixture {

    @Test
    void theTemplateImportsAsADatasetWithTheSettingsOfItsKnowledgeIndexNode() throws Exception {
        Dataset ds = service.importPipeline(template(), "alice").dataset();

        assertEquals("General document pipeline", ds.name());
        assertEquals("text_model", ds.chunkStructure());
        assertEquals("high_quality", ds.indexingTechnique());
        assertEquals("tributary/onnx", ds.embeddingModelProvider());
        assertEquals("all-MiniLM-L6-v2", ds.embeddingModel());
        assertEquals(10, ds.keywordNumber());
        assertEquals("hybrid_search", ds.retrievalModel().get("search_method"));
        assertEquals(3, ((Number) ds.retrievalModel().get("top_k")).intValue());
        assertEquals(template(), ds.draftDsl());
        assertNull(ds.publishedVersion());
        assertEquals(ds, datasets.dataset(ds.id()).orElseThrow());
    }

    @Test
    void missingSettingsTakeDifysDefaults() throws Exception {
        String dsl = template().replaceAll("(?s)        indexing_technique: high_quality.*?      position: \\{x: 560",
                "      position: {x: 560");
        Dataset ds = service.importPipeline(dsl, "").dataset();
        assertEquals("high_quality", ds.indexingTechnique());
        assertEquals("", ds.embeddingModel());
        assertEquals(10, ds.keywordNumber());
        assertEquals(Map.of("search_method", "semantic_search", "reranking_enable", false,
                "reranking_model", Map.of("reranking_provider_name", "", "reranking_model_name", ""),
                "top_k", 2, "score_threshold_enabled", false), ds.retrievalModel());
    }

    @Test
    void aPipelineWithoutKnowledgeIndexNodeIsRefusedWithDifysMessage() {
        String dsl = template().replace("type: knowledge-index", "type: document-extractor\n        variable_selector: "
                + "['1752000000001', file]");
        DslImportException e = assertThrows(DslImportException.class, () -> service.importPipeline(dsl, ""));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().equals(PipelineDsl.KNOWLEDGE_INDEX_MESSAGE)),
                e::getMessage);
        assertEquals(0, datasets.datasets(null, 1, 10).total());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String dsl = template().replace("type: document-extractor", "type: llm")
                .replace("chunk_structure: text_model", "chunk_structure: novel_model")
                .replace("search_method: hybrid_search", "search_method: guess");
        DslImportException e = assertThrows(DslImportException.class, () -> service.importPipeline(dsl, ""));
        List<String> text = e.problems().stream().map(Problem::toString).toList();
        assertTrue(text.stream().anyMatch(t -> t.contains("'llm'") && t.contains("not installed")), text::toString);
        assertTrue(text.stream().anyMatch(t -> t.contains("data.chunk_structure")), text::toString);
        assertTrue(text.stream().anyMatch(t -> t.contains("data.retrieval_model.search_method")), text::toString);
    }

    @Test
    void qaChunksNeedHighQualityIndexing() {
        String dsl = template().replace("chunk_structure: text_model", "chunk_structure: qa_model")
                .replace("indexing_technique: high_quality", "indexing_technique: economy");
        DslImportException e = assertThrows(DslImportException.class, () -> service.importPipeline(dsl, ""));
        assertTrue(e.getMessage().contains("Indexing technique must be high quality."), e::getMessage);
    }

    @Test
    void anAppDslIsNotAPipeline() {
        String dsl = template().replace("kind: rag_pipeline", "kind: app").replace("rag_pipeline:\n", "app:\n  mode: workflow\n");
        DslImportException e = assertThrows(DslImportException.class, () -> service.importPipeline(dsl, ""));
        assertTrue(e.getMessage().contains("kind must be rag_pipeline"), e::getMessage);
        assertThrows(DslImportException.class, () -> service.importPipeline("  ", ""));
    }

    @Test
    void publishMakesVersionsAndRefusesAChunkStructureChange() throws Exception {
        Dataset ds = service.importPipeline(template(), "").dataset();
        DatasetVersion v1 = service.publish(ds.id());
        assertEquals(1, v1.version());
        assertEquals(template(), v1.dsl());
        assertEquals(2, service.publish(ds.id()).version());

        String changed = template().replace("chunk_structure: text_model", "chunk_structure: hierarchical_model");
        datasets.updateDraft(ds.id(), new io.tributary.api.store.dto.NewDataset(ds.name(), "", "hierarchical_model",
                "high_quality", "", "", 10, Map.of(), changed, ""));
        PipelineException e = assertThrows(PipelineException.class, () -> service.publish(ds.id()));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals("Chunk structure is not compatible with the published pipeline.", e.getMessage());
        assertEquals(2, datasets.latestVersion(ds.id()).orElseThrow().version());

        assertEquals(Reason.NOT_FOUND, assertThrows(PipelineException.class, () -> service.publish("nope")).reason());
    }

    @Test
    void publishValidatesTheDraftAgain() throws Exception {
        Dataset ds = service.importPipeline(template(), "").dataset();
        datasets.updateDraft(ds.id(), new io.tributary.api.store.dto.NewDataset(ds.name(), "", "text_model",
                "high_quality", "", "", 10, Map.of(), template().replace("type: document-extractor", "type: llm"), ""));
        PipelineException e = assertThrows(PipelineException.class, () -> service.publish(ds.id()));
        assertEquals("invalid_param", e.code());
        assertTrue(e.getMessage().contains("not installed"), e::getMessage);
    }

    @Test
    void templatesAreListed() {
        assertEquals(List.of("general-file"), service.templates().stream().map(t -> t.id()).toList());
    }
}
