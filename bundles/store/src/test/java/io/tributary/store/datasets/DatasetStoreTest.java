package io.tributary.store.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.Page;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

/** Datasets and their pipeline versions. */
@BothDatabases
class DatasetStoreTest extends StoreTestBase {
    static final Map<String, Object> RETRIEVAL = Map.of("search_method", "semantic_search", "top_k", 3,
            "score_threshold_enabled", false);

    private DatasetStore store;

    @Override
    protected void openStores(Database database) {
        store = new JdbcDatasetStore(database);
    }

    static NewDataset newDataset(String name, String dsl) {
        return new NewDataset(name, "about " + name, "text_model", "economy", null, null, 0, RETRIEVAL, dsl,
                "admin");
    }

    @Test
    void createdDatasetReadsBackWithDefaults() {
        Dataset d = store.createDataset(newDataset("Manuals", "kind: rag_pipeline\n"));

        assertEquals(Optional.of(d), store.dataset(d.id()));
        assertEquals("Manuals", d.name());
        assertEquals("about Manuals", d.description());
        assertEquals("text_model", d.chunkStructure());
        assertEquals("economy", d.indexingTechnique());
        assertEquals("", d.embeddingModelProvider());
        assertEquals(10, d.keywordNumber(), "Dify's default keyword number");
        assertEquals(RETRIEVAL, d.retrievalModel());
        assertEquals("kind: rag_pipeline\n", d.draftDsl());
        assertNull(d.publishedVersion());
        assertEquals("admin", d.createdBy());
        assertEquals(d.createdAt(), d.updatedAt());
    }

    @Test
    void datasetWithoutPipelineOrNameHasNoDraft() {
        Dataset d = store.createDataset(new NewDataset(" ", null, null, null, null, null, 5, null, null, null));

        Dataset read = store.dataset(d.id()).orElseThrow();
        assertEquals("Untitled", read.name());
        assertEquals("", read.description());
        assertNull(read.chunkStructure());
        assertNull(read.draftDsl());
        assertEquals(Map.of(), read.retrievalModel());
        assertEquals(5, read.keywordNumber());
        assertTrue(store.publish(d.id()).isEmpty(), "nothing to publish without a draft");
    }

    @Test
    void unknownDatasetsAreEmptyOrFalse() {
        assertTrue(store.dataset("nope").isEmpty());
        assertTrue(store.dataset(null).isEmpty());
        assertTrue(store.publish("nope").isEmpty());
        assertTrue(store.latestVersion("nope").isEmpty());
        assertTrue(store.version("nope").isEmpty());
        assertTrue(store.updateDraft("nope", newDataset("x", "y")).isEmpty());
        assertFalse(store.deleteDataset("nope"));
        assertEquals(new DatasetStore.DatasetStats(0, 0), store.stats("nope"));
    }

    @Test
    void updateDraftReplacesSettingsAndKeepsNameWhenNoneGiven() {
        Dataset d = store.createDataset(newDataset("Manuals", "v1"));
        NewDataset settings = new NewDataset(null, null, "hierarchical_model", "high_quality",
                "langgenius/openai/openai", "text-embedding-3-small", 0, Map.of("search_method", "hybrid_search"),
                "v2", null);

        Dataset updated = store.updateDraft(d.id(), settings).orElseThrow();

        assertEquals("Manuals", updated.name());
        assertEquals("about Manuals", updated.description());
        assertEquals("hierarchical_model", updated.chunkStructure());
        assertEquals("high_quality", updated.indexingTechnique());
        assertEquals("langgenius/openai/openai", updated.embeddingModelProvider());
        assertEquals("text-embedding-3-small", updated.embeddingModel());
        assertEquals(Map.of("search_method", "hybrid_search"), updated.retrievalModel());
        assertEquals("v2", updated.draftDsl());
        assertEquals(d.createdAt(), updated.createdAt());
        assertEquals(Optional.of(updated), store.dataset(d.id()));

        Dataset renamed = store.updateDraft(d.id(), newDataset("Guides", "v3")).orElseThrow();
        assertEquals("Guides", renamed.name());
    }

    @Test
    void publishingNumbersImmutableVersions() {
        Dataset d = store.createDataset(newDataset("Manuals", "dsl: 1\n"));

        DatasetVersion v1 = store.publish(d.id()).orElseThrow();
        store.updateDraft(d.id(), newDataset("Manuals", "dsl: 2\n"));
        DatasetVersion v2 = store.publish(d.id()).orElseThrow();

        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertEquals(d.id(), v2.datasetId());
        assertNotEquals(v1.workflowId(), v2.workflowId());
        assertEquals("dsl: 1\n", store.version(v1.workflowId()).orElseThrow().dsl());
        assertEquals(Optional.of(v1), store.version(v1.workflowId()));
        assertEquals(Optional.of(v2), store.latestVersion(d.id()));
        assertEquals(2, store.dataset(d.id()).orElseThrow().publishedVersion());
    }

    @Test
    void listsNewestFirstWithKeywordAndPages() throws InterruptedException {
        Dataset a = store.createDataset(newDataset("Alpha manuals", "a"));
        Thread.sleep(2);
        Dataset b = store.createDataset(newDataset("Beta 100%_done", "b"));
        Thread.sleep(2);
        Dataset c = store.createDataset(newDataset("Gamma MANUALS", "c"));

        Page<Dataset> first = store.datasets(null, 1, 2);
        assertEquals(List.of(c.id(), b.id()), first.data().stream().map(Dataset::id).toList());
        assertEquals(3, first.total());
        assertTrue(first.hasMore());
        Page<Dataset> second = store.datasets(null, 2, 2);
        assertEquals(List.of(a.id()), second.data().stream().map(Dataset::id).toList());
        assertFalse(second.hasMore());

        assertEquals(List.of(c.id(), a.id()),
                store.datasets("manuals", 1, 10).data().stream().map(Dataset::id).toList(), "case-insensitive");
        assertEquals(List.of(b.id()), store.datasets("%_", 1, 10).data().stream().map(Dataset::id).toList(),
                "LIKE wildcards in the keyword are literal");
        assertEquals(0, store.datasets("nothing", 1, 10).total());
        assertThrows(IllegalArgumentException.class, () -> store.datasets(null, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> store.datasets(null, 1, 0));
    }
}
