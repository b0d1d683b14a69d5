package io.tributary.node.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.RunStatus;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.node.knowledge.Events;
import io.tributary.node.knowledge.StoreBackedTest;

/**
 * Published runs of the knowledge-index node against the real dataset store: which dataset and document, which
 * structure and technique the dataset demands. No knowledge base is bound here, so a run that passes every check
 * ends at "The knowledge base service is not available."
 */
class KnowledgeIndexStoreTest extends StoreBackedTest {
    static final Map<String, Object> PAGE = Map.of("source_url", "https://example.org", "content", "text");
    static final String NO_KB = "The knowledge base service is not available.";

    private Dataset dataset(String structure, String technique) {
        return datasetStore.createDataset(new NewDataset("kb " + structure, "", structure, technique, "", "", 10,
                Map.of("search_method", "keyword_search", "top_k", 3), null, "tester"));
    }

    private DocumentRecord document(Dataset d) {
        return datasetStore.createDocuments(d.id(), "20260101000000123456", "rag-pipeline",
                List.of(new NewDocument("page", "website_crawl", PAGE)), null).get(0);
    }

    private String error(String nodeStructure, String datasetId, String documentId, Object chunks) throws Exception {
        Events ev = runYaml(yaml("index").replace("chunk_structure: text_model", "chunk_structure: " + nodeStructure),
                published(datasetId, documentId, "20260101000000123456", "website_crawl", PAGE)
                        .andThen(b -> b.rag("shared", Map.of("chunks", chunks))));
        assertEquals(RunStatus.FAILED, ev.end().status());
        return ev.finished("index").error();
    }

    @Test
    void theDatasetAndDocumentMustExistAndBelongTogether() throws Exception {
        Dataset a = dataset("text_model", "economy");
        Dataset b = dataset("text_model", "economy");
        DocumentRecord docOfB = document(b);
        assertEquals("Dataset 11111111-2222-3333-4444-555555555555 not found.",
                error("text_model", "11111111-2222-3333-4444-555555555555", docOfB.id(), List.of("x")));
        assertEquals("Document 11111111-2222-3333-4444-555555555555 not found.",
                error("text_model", a.id(), "11111111-2222-3333-4444-555555555555", List.of("x")));
        assertEquals("Document " + docOfB.id() + " does not belong to dataset " + a.id() + ".",
                error("text_model", a.id(), docOfB.id(), List.of("x")));
        assertEquals(NO_KB, error("text_model", b.id(), docOfB.id(), List.of("x")), "every check passed");
    }

    @Test
    void theDatasetsChunkStructureIsTheOneThatCounts() throws Exception {
        Dataset d = dataset("hierarchical_model", "economy");
        DocumentRecord doc = document(d);
        Object parentChild = Map.of("parent_child_chunks", List.of(Map.of("parent_content", "P",
                "child_contents", List.of("c"))), "parent_mode", "paragraph");
        // the node says text_model, the dataset (created from the published pipeline) says hierarchical_model
        assertEquals(NO_KB, error("text_model", d.id(), doc.id(), parentChild));
        assertEquals("Chunk structure mismatch: the knowledge base expects hierarchical_model (parent_child_chunks) "
                + "but the chunks are text_model (general_chunks).", error("text_model", d.id(), doc.id(),
                List.of("general")));
    }

    @Test
    void qaNeedsHighQuality() throws Exception {
        Object qa = Map.of("qa_chunks", List.of(Map.of("question", "Q?", "answer", "A.")));
        Dataset economy = dataset("qa_model", "economy");
        assertEquals("Indexing technique must be high quality.", error("qa_model", economy.id(),
                document(economy).id(), qa));
        Dataset hq = dataset("qa_model", "high_quality");
        assertEquals(NO_KB, error("qa_model", hq.id(), document(hq).id(), qa));
    }

    @Test
    void onlyWhitespaceChunksAreNoChunks() throws Exception {
        Dataset d = dataset("text_model", "economy");
        assertEquals("Chunks is required.", error("text_model", d.id(), document(d).id(), List.of(" ", "\n\n")));
    }
}
