package io.tributary.store.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.Page;
import io.tributary.api.store.dto.PipelineItem;
import io.tributary.api.store.PipelineQueue;
import io.tributary.api.store.dto.PipelineRunSpec;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;
import io.tributary.store.queue.JdbcPipelineQueue;

/** Documents: positions, batches, statuses, display-status filters, cascading deletes. */
@BothDatabases
class DocumentStoreTest extends StoreTestBase {
    static final PipelineRunSpec RUN = new PipelineRunSpec("wf-1", "datasource-node",
            Map.of("shared", Map.of("chunk_size", 500)), "user-1");

    private DatasetStore store;
    private PipelineQueue queue;
    private Dataset dataset;

    @Override
    protected void openStores(Database database) {
        store = new JdbcDatasetStore(database);
        queue = new JdbcPipelineQueue(database);
        dataset = store.createDataset(DatasetStoreTest.newDataset("Manuals", "dsl"));
    }

    static List<NewDocument> files(String... names) {
        return java.util.Arrays.stream(names).map(n -> new NewDocument(n, "local_file",
                Map.of("related_id", "upload-" + n, "name", n, "transfer_method", "local_file"))).toList();
    }

    @Test
    void createdDocumentsWaitWithPositionsAndQueuedItems() {
        List<DocumentRecord> docs = store.createDocuments(dataset.id(), "20250801123000483920", "rag-pipeline",
                files("a.txt", "b.pdf"), RUN);

        assertEquals(2, docs.size());
        DocumentRecord a = docs.get(0);
        assertEquals(1, a.position());
        assertEquals(2, docs.get(1).position());
        assertEquals("a.txt", a.name());
        assertEquals("b.pdf", docs.get(1).name());
        assertEquals(dataset.id(), a.datasetId());
        assertEquals("20250801123000483920", a.batch());
        assertEquals("local_file", a.dataSourceType());
        assertEquals("upload-a.txt", a.dataSourceInfo().get("related_id"));
        assertEquals("rag-pipeline", a.createdFrom());
        assertEquals("text_model", a.docForm());
        assertEquals("waiting", a.indexingStatus());
        assertNull(a.error());
        assertTrue(a.enabled());
        assertEquals(0, a.wordCount());
        assertEquals("user-1", a.createdBy());
        assertNull(a.processingStartedAt());
        assertNull(a.completedAt());
        assertEquals(a, store.document(a.id()).orElseThrow());

        List<PipelineItem> items = queue.claim(10);
        assertEquals(2, items.size());
        PipelineItem item = items.get(0);
        assertEquals(a.id(), item.documentId(), "items are claimed in document order");
        assertEquals(docs.get(1).id(), items.get(1).documentId());
        assertEquals(dataset.id(), item.datasetId());
        assertEquals(a.batch(), item.batch());
        assertEquals("wf-1", item.workflowId());
        assertEquals("datasource-node", item.startNodeId());
        assertEquals("local_file", item.datasourceType());
        assertEquals(a.dataSourceInfo(), item.datasourceInfo());
        assertEquals(Map.of("shared", Map.of("chunk_size", 500)), item.inputs());
        assertEquals("user-1", item.createdBy());
        assertEquals("running", item.status());
        assertEquals(1, item.attempts());
    }

    @Test
    void withoutRunSpecNothingIsQueuedAndNamelessDocumentsAreUntitled() {
        List<DocumentRecord> docs = store.createDocuments(dataset.id(), "b1", "api",
                List.of(new NewDocument(null, "online_document", null)), null);

        assertEquals("untitled", docs.get(0).name());
        assertNull(store.document(docs.get(0).id()).orElseThrow().dataSourceInfo());
        assertEquals("api", docs.get(0).createdFrom());
        assertEquals(0, queue.pending());
        assertEquals(List.of(), store.createDocuments(dataset.id(), "b2", null, List.of(), RUN));
    }

    @Test
    void badDocumentsAreRefusedAndNothingIsWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> store.createDocuments("no-such-dataset", "b", null, files("a"), RUN));
        assertThrows(IllegalArgumentException.class, () -> store.createDocuments(dataset.id(), "b", null,
                List.of(new NewDocument("x", " ", Map.of())), RUN));
        assertEquals(0, store.stats(dataset.id()).documentCount());
        assertEquals(0, queue.pending());
    }

    @Test
    void positionsContinueAcrossBatchesAndDeletions() {
        List<DocumentRecord> first = store.createDocuments(dataset.id(), "b1", null, files("a", "b", "c"), RUN);
        store.deleteDocument(first.get(2).id());
        List<DocumentRecord> second = store.createDocuments(dataset.id(), "b2", null, files("d", "e"), RUN);

        assertEquals(List.of(4, 5), second.stream().map(DocumentRecord::position).toList());
        assertEquals(List.of("d", "e"), store.batch(dataset.id(), "b2").stream().map(DocumentRecord::name).toList());
        assertEquals(List.of("a", "b"), store.batch(dataset.id(), "b1").stream().map(DocumentRecord::name).toList());
        assertEquals(List.of(), store.batch(dataset.id(), "b3"));

        Dataset other = store.createDataset(DatasetStoreTest.newDataset("Other", "dsl"));
        assertEquals(1, store.createDocuments(other.id(), "b1", null, files("x"), RUN).get(0).position(),
                "positions are per dataset");
    }

    @Test
    void concurrentBatchesNeverShareAPosition() throws Exception {
        int threads = 8;
        int perBatch = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<DocumentRecord>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String batch = "batch-" + t;
                Callable<List<DocumentRecord>> task = () -> {
                    start.await();
                    return store.createDocuments(dataset.id(), batch, null,
                            files(IntStream.range(0, perBatch).mapToObj(i -> batch + "-" + i).toArray(String[]::new)),
                            RUN);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            Set<Integer> positions = new HashSet<>();
            for (Future<List<DocumentRecord>> f : futures) {
                List<DocumentRecord> batch = f.get();
                for (int i = 1; i < batch.size(); i++) {
                    assertEquals(batch.get(i - 1).position() + 1, batch.get(i).position(),
                            "a batch gets consecutive positions");
                }
                batch.forEach(d -> positions.add(d.position()));
            }
            Set<Integer> expected = new HashSet<>();
            IntStream.rangeClosed(1, threads * perBatch).forEach(expected::add);
            assertEquals(expected, positions);
            assertEquals(threads * perBatch, store.stats(dataset.id()).documentCount());
            assertEquals(threads * perBatch, queue.pending());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statusUpdatesStampStartAndCompletion() {
        DocumentRecord doc = store.createDocuments(dataset.id(), "b", null, files("a"), RUN).get(0);

        assertTrue(store.updateStatus(doc.id(), IndexingStatus.WAITING, null));
        assertNull(store.document(doc.id()).orElseThrow().processingStartedAt());

        assertTrue(store.updateStatus(doc.id(), IndexingStatus.INDEXING, null));
        DocumentRecord indexing = store.document(doc.id()).orElseThrow();
        assertEquals("indexing", indexing.indexingStatus());
        Instant started = indexing.processingStartedAt();
        assertNotNull(started);
        assertNull(indexing.completedAt());

        assertTrue(store.updateStatus(doc.id(), IndexingStatus.COMPLETED, null));
        DocumentRecord completed = store.document(doc.id()).orElseThrow();
        assertEquals(started, completed.processingStartedAt(), "set on the first move away from waiting only");
        assertNotNull(completed.completedAt());
        assertFalse(completed.updatedAt().isBefore(indexing.updatedAt()));

        assertTrue(store.updateStatus(doc.id(), IndexingStatus.ERROR, "File is not exist."));
        DocumentRecord failed = store.document(doc.id()).orElseThrow();
        assertEquals("error", failed.indexingStatus());
        assertEquals("File is not exist.", failed.error());

        assertFalse(store.updateStatus("nope", IndexingStatus.COMPLETED, null));
    }

    @Test
    void listFiltersByDisplayStatusAndKeywordNewestFirst() {
        List<DocumentRecord> docs = store.createDocuments(dataset.id(), "b", null,
                files("waiting.txt", "parsing.txt", "indexing.txt", "error.txt", "done.txt", "off.txt"), RUN);
        store.updateStatus(docs.get(1).id(), IndexingStatus.PARSING, null);
        store.updateStatus(docs.get(2).id(), IndexingStatus.INDEXING, null);
        store.updateStatus(docs.get(3).id(), IndexingStatus.ERROR, "boom");
        store.updateStatus(docs.get(4).id(), IndexingStatus.COMPLETED, null);
        store.updateStatus(docs.get(5).id(), IndexingStatus.COMPLETED, null);
        fixture.update("UPDATE documents SET enabled = FALSE WHERE id = '" + docs.get(5).id() + "'");

        assertEquals(List.of("waiting.txt"), names("queuing"));
        assertEquals(List.of("indexing.txt", "parsing.txt"), names("indexing"));
        assertEquals(List.of("error.txt"), names("error"));
        assertEquals(List.of("done.txt"), names("available"));
        assertEquals(List.of("off.txt"), names("disabled"));
        assertEquals(List.of(), names("archived"));
        assertEquals(List.of(), names("paused"));
        assertEquals(6, store.documents(dataset.id(), null, null, 1, 20).total());
        assertThrows(IllegalArgumentException.class, () -> store.documents(dataset.id(), null, "bogus", 1, 20));

        Page<DocumentRecord> byKeyword = store.documents(dataset.id(), "ING", null, 1, 20);
        assertEquals(List.of("indexing.txt", "parsing.txt", "waiting.txt"),
                byKeyword.data().stream().map(DocumentRecord::name).toList());
        assertEquals(List.of("indexing.txt"), store.documents(dataset.id(), "ing", "indexing", 1, 1).data()
                .stream().map(DocumentRecord::name).toList());
    }

    @Test
    void listPages() {
        store.createDocuments(dataset.id(), "b", null, files("1", "2", "3", "4", "5"), RUN);

        Page<DocumentRecord> p1 = store.documents(dataset.id(), null, null, 1, 2);
        Page<DocumentRecord> p3 = store.documents(dataset.id(), null, null, 3, 2);
        Page<DocumentRecord> p4 = store.documents(dataset.id(), null, null, 4, 2);

        assertEquals(List.of(5, 4), p1.data().stream().map(DocumentRecord::position).toList());
        assertEquals(5, p1.total());
        assertTrue(p1.hasMore());
        assertEquals(List.of(1), p3.data().stream().map(DocumentRecord::position).toList());
        assertFalse(p3.hasMore());
        assertEquals(List.of(), p4.data());
        assertEquals(5, p4.total());
    }

    @Test
    void statsCountDocumentsAndWords() {
        List<DocumentRecord> docs = store.createDocuments(dataset.id(), "b", null, files("a", "b"), RUN);
        store.replaceSegments(docs.get(0).id(), List.of(new NewSegment("hello", null, List.of())), Instant.now());
        store.replaceSegments(docs.get(1).id(), List.of(new NewSegment("Q?", "A.", List.of())), Instant.now());

        assertEquals(new DatasetStore.DatasetStats(2, 9), store.stats(dataset.id()));
    }

    @Test
    void deletingADocumentRemovesItsSegmentsChunksAndQueuedItem() {
        List<DocumentRecord> docs = store.createDocuments(dataset.id(), "b", null, files("a", "b"), RUN);
        store.replaceSegments(docs.get(0).id(), List.of(new NewSegment("parent", null, List.of("c1", "c2"))), null);
        store.replaceSegments(docs.get(1).id(), List.of(new NewSegment("kept", null, List.of("c3"))), null);

        assertTrue(store.deleteDocument(docs.get(0).id()));

        assertTrue(store.document(docs.get(0).id()).isEmpty());
        assertEquals(1, store.segmentIds(dataset.id()).size());
        assertEquals(1, count("SELECT COUNT(*) FROM child_chunks"));
        assertEquals(1, queue.pending());
        assertEquals(docs.get(1).id(), queue.claim(5).get(0).documentId());
        assertFalse(store.deleteDocument(docs.get(0).id()));
    }

    @Test
    void deletingADatasetRemovesEverythingOfItAndNothingElse() {
        Dataset other = store.createDataset(DatasetStoreTest.newDataset("Other", "dsl"));
        store.publish(dataset.id());
        List<DocumentRecord> docs = store.createDocuments(dataset.id(), "b", null, files("a", "b"), RUN);
        DocumentRecord kept = store.createDocuments(other.id(), "b", null, files("x"), RUN).get(0);
        for (DocumentRecord d : List.of(docs.get(0), docs.get(1), kept)) {
            store.replaceSegments(d.id(), List.of(new NewSegment("p", null, List.of("c"))), null);
        }

        assertTrue(store.deleteDataset(dataset.id()));

        assertTrue(store.dataset(dataset.id()).isEmpty());
        assertTrue(store.latestVersion(dataset.id()).isEmpty());
        assertTrue(store.document(docs.get(0).id()).isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM dataset_versions"));
        assertEquals(1, count("SELECT COUNT(*) FROM documents"));
        assertEquals(1, count("SELECT COUNT(*) FROM segments"));
        assertEquals(1, count("SELECT COUNT(*) FROM child_chunks"));
        assertEquals(1, queue.pending());
        assertEquals(1, store.document(kept.id()).orElseThrow().wordCount());
        assertEquals(1, store.segmentIds(other.id()).size());
        assertFalse(store.deleteDataset(dataset.id()));
    }

    @Test
    void deletingWhileBatchesArriveLeavesNoOrphans() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> writer = pool.submit(() -> {
                start.await();
                int created = 0;
                for (int i = 0; i < 20; i++) {
                    try {
                        created += store.createDocuments(dataset.id(), "b" + i, null, files("x", "y"), RUN).size();
                    } catch (IllegalArgumentException gone) {
                        break;
                    }
                }
                return created;
            });
            start.countDown();
            Thread.sleep(20);
            assertTrue(store.deleteDataset(dataset.id()));
            writer.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM documents"));
        assertEquals(0, queue.pending());
    }

    private List<String> names(String status) {
        return store.documents(dataset.id(), null, status, 1, 20).data().stream().map(DocumentRecord::name).toList();
    }

    private long count(String sql) {
        try (var c = fixture.database().dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
