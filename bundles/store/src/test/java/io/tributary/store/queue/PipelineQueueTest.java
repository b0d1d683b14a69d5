package io.tributary.store.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.api.store.dto.PipelineItem;
import io.tributary.api.store.PipelineQueue;
import io.tributary.api.store.dto.PipelineRunSpec;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.datasets.JdbcDatasetStore;
import io.tributary.store.db.Database;

/** The durable queue: claim order, exclusive claims under concurrency, complete (document and item at once), requeue after a crash. */
@BothDatabases
class PipelineQueueTest extends StoreTestBase {
    private static final PipelineRunSpec RUN = new PipelineRunSpec("wf", "ds", null, "u");

    private DatasetStore datasets;
    private PipelineQueue queue;
    private Database database;
    private Dataset dataset;

    @Override
    protected void openStores(Database db) {
        database = db;
        datasets = new JdbcDatasetStore(db);
        queue = new JdbcPipelineQueue(db);
        dataset = datasets.createDataset(new NewDataset("Q", null, "text_model", "economy", null, null, 0, null,
                "dsl", null));
    }

    private List<DocumentRecord> enqueue(String batch, int n) {
        return datasets.createDocuments(dataset.id(), batch, null, IntStream.range(0, n)
                .mapToObj(i -> new NewDocument(batch + "-" + i, "local_file", null)).toList(), RUN);
    }

    @Test
    void claimsOldestFirstUpToMax() throws InterruptedException {
        List<DocumentRecord> first = enqueue("b1", 3);
        Thread.sleep(2);
        List<DocumentRecord> second = enqueue("b2", 2);

        List<PipelineItem> a = queue.claim(2);
        List<PipelineItem> b = queue.claim(10);

        assertEquals(List.of(first.get(0).id(), first.get(1).id()), a.stream().map(PipelineItem::documentId).toList());
        assertEquals(List.of(first.get(2).id(), second.get(0).id(), second.get(1).id()),
                b.stream().map(PipelineItem::documentId).toList());
        assertEquals(List.of(), queue.claim(10));
        assertEquals(List.of(), queue.claim(0));
        assertEquals(5, queue.pending(), "running items are pending");
        assertTrue(b.stream().allMatch(i -> i.status().equals("running") && i.attempts() == 1));
    }

    @Test
    void completedItemsAreDoneAndNotPending() {
        enqueue("b", 2);
        List<PipelineItem> items = queue.claim(2);

        queue.complete(items.get(0), IndexingStatus.COMPLETED, null);

        assertEquals("done", queue.item(items.get(0).id()).orElseThrow().status());
        assertEquals("running", queue.item(items.get(1).id()).orElseThrow().status());
        assertEquals(1, queue.pending());
        assertTrue(queue.item("unknown").isEmpty());
        assertTrue(queue.item(null).isEmpty());
    }

    @Test
    void completeSetsTheDocumentAndTheItemTogether() {
        List<DocumentRecord> docs = enqueue("b", 2);
        List<PipelineItem> items = queue.claim(2);
        datasets.updateStatus(docs.get(0).id(), IndexingStatus.INDEXING, null);

        queue.complete(items.get(0), IndexingStatus.COMPLETED, null);
        queue.complete(items.get(1), IndexingStatus.ERROR, "File is not exist.");

        DocumentRecord ok = datasets.document(docs.get(0).id()).orElseThrow();
        assertEquals("completed", ok.indexingStatus());
        assertTrue(ok.completedAt() != null && ok.processingStartedAt() != null, ok::toString);
        DocumentRecord failed = datasets.document(docs.get(1).id()).orElseThrow();
        assertEquals("error", failed.indexingStatus());
        assertEquals("File is not exist.", failed.error());
        assertEquals(0, queue.pending());
        assertEquals("done", queue.item(items.get(1).id()).orElseThrow().status());
    }

    @Test
    void completeOfADeletedDocumentStillEndsTheItem() {
        List<DocumentRecord> docs = enqueue("b", 1);
        PipelineItem item = queue.claim(1).get(0);
        // deleting a document drops its queued items; one already claimed is still held by the worker
        PipelineItem held = new PipelineItem(item.id(), item.datasetId(), "gone", item.batch(), item.workflowId(),
                item.startNodeId(), item.datasourceType(), item.datasourceInfo(), item.inputs(), item.createdBy(),
                item.status(), item.attempts(), item.createdAt());

        queue.complete(held, IndexingStatus.ERROR, "deleted");

        assertEquals("done", queue.item(item.id()).orElseThrow().status());
        assertEquals("waiting", datasets.document(docs.get(0).id()).orElseThrow().indexingStatus(),
                "only the item's own document changes");
    }

    @Test
    void completeRefusesAStatusThatIsNotAnEnd() {
        enqueue("b", 1);
        PipelineItem item = queue.claim(1).get(0);

        assertThrows(IllegalArgumentException.class, () -> queue.complete(item, IndexingStatus.INDEXING, null));
        assertEquals("running", queue.item(item.id()).orElseThrow().status(), "nothing changed");
    }

    @Test
    void requeueRunningPutsClaimedItemsBackAndCountsAttempts() {
        enqueue("b", 3);
        List<PipelineItem> claimed = queue.claim(2);
        queue.complete(claimed.get(0), IndexingStatus.COMPLETED, null);
        datasets.updateStatus(claimed.get(1).documentId(), IndexingStatus.INDEXING, null);

        // a new process starts: whatever was running when the old one died goes back to the queue
        JdbcPipelineQueue restarted = new JdbcPipelineQueue(database);
        assertEquals(1, restarted.requeueRunning());
        assertEquals(0, restarted.requeueRunning());

        PipelineItem again = queue.item(claimed.get(1).id()).orElseThrow();
        assertEquals("queued", again.status());
        assertEquals("waiting", datasets.document(again.documentId()).orElseThrow().indexingStatus(),
                "an interrupted document shows as queued again");
        assertEquals("completed", datasets.document(claimed.get(0).documentId()).orElseThrow().indexingStatus());
        List<PipelineItem> reclaimed = restarted.claim(5);
        assertEquals(List.of(claimed.get(1).id()), reclaimed.stream().limit(1).map(PipelineItem::id).toList(),
                "the older item comes first again");
        assertEquals(2, reclaimed.get(0).attempts());
        assertEquals(2, reclaimed.size());
        assertEquals("done", queue.item(claimed.get(0).id()).orElseThrow().status(), "done stays done");
    }

    @Test
    void concurrentClaimersNeverShareAnItem() throws Exception {
        int total = 120;
        enqueue("b", total);
        int workers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<PipelineItem> got;
                    int empty = 0;
                    // a worker loop: claim small groups until the queue stays empty
                    while (empty < 3) {
                        got = queue.claim(3);
                        if (got.isEmpty()) {
                            empty++;
                        } else {
                            empty = 0;
                            got.forEach(i -> claimed.add(i.id()));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> distinct = new HashSet<>(claimed);
        assertEquals(claimed.size(), distinct.size(), "an item was handed out twice");
        assertEquals(total, distinct.size(), "every item was claimed");
        assertTrue(distinct.stream().allMatch(id -> queue.item(id).orElseThrow().attempts() == 1));
    }
}
