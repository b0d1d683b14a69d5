package io.tributary.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.event.RunStatus;
import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.PipelineItem;

/**
 * The workers over the real queue and engine. Their safety-net poll is ten minutes, so every test here also shows
 * that queued work is picked up through the in-process signal, not by polling.
 */
class PipelineWorkersTest extends PipelineFixture {

    private List<DocumentRecord> batch(BatchResult r) {
        return datasets.batch(r.dataset().id(), r.batch());
    }

    private boolean allEnded(BatchResult r) {
        return batch(r).stream().allMatch(d -> d.indexingStatus().equals("completed") || d.indexingStatus().equals("error"));
    }

    @Test
    void eachDocumentEndsCompletedOrErrorWithTheRunsMessage() throws Exception {
        Dataset ds = publishedTemplate();
        startWorkers(4);
        BatchResult r = service.runPublished(ds.id(), localFiles(true, "a.txt", "missing-b", "c.txt"));

        await("the batch to end", () -> allEnded(r));

        List<DocumentRecord> docs = batch(r);
        assertEquals(List.of("completed", "error", "completed"), docs.stream().map(DocumentRecord::indexingStatus).toList());
        assertEquals("File is not exist.", docs.get(1).error());
        assertNull(docs.get(0).error());
        assertEquals(List.of("First paragraph of a.txt.", "Second paragraph of a.txt."),
                datasets.segments(docs.get(0).id(), null, 1, 10).data().stream().map(s -> s.content()).toList());
        assertEquals(0, datasets.segments(docs.get(1).id(), null, 1, 10).total());
        await("the queue to drain", () -> queue.pending() == 0);

        // every item's run is recorded under the item id, with the dataset as its app
        assertEquals(1, nodes.indexRuns.get(docs.get(0).id()).get());
        assertNull(nodes.indexRuns.get(docs.get(1).id()));
        var statuses = runs.query(new io.tributary.api.store.dto.RunQuery(ds.id(), null, null, null, null, 1, 10)).runs()
                .stream().map(x -> x.status()).sorted().toList();
        assertEquals(List.of(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.FAILED).stream().sorted().toList(),
                statuses);
    }

    @Test
    void concurrencyIsBoundedAndNoItemRunsTwice() throws Exception {
        Dataset ds = publishedTemplate();
        nodes.gated = true;
        startWorkers(2);
        BatchResult r = service.runPublished(ds.id(), localFiles(true, "1", "2", "3", "4", "5", "6"));

        await("two runs at the gate", () -> nodes.running.get() == 2);
        assertEquals(4, batch(r).stream().filter(d -> d.indexingStatus().equals("waiting")).count());
        assertEquals(2, batch(r).stream().filter(d -> d.indexingStatus().equals("indexing")).count());
        nodes.gate.release(6);
        await("the batch to end", () -> allEnded(r));

        assertEquals(2, nodes.maxRunning.get());
        assertTrue(batch(r).stream().allMatch(d -> d.indexingStatus().equals("completed")));
        for (DocumentRecord d : batch(r)) {
            assertEquals(1, nodes.indexRuns.get(d.id()).get(), "document " + d.name() + " indexed more than once");
            assertEquals(2, datasets.segments(d.id(), null, 1, 10).total());
        }
    }

    @Test
    void itemsClaimedByACrashedProcessAreRequeuedAndFinishedOnStart() throws Exception {
        Dataset ds = publishedTemplate();
        BatchResult r = service.runPublished(ds.id(), localFiles(true, "1", "2", "3", "4"));
        // a process that claimed two items, marked their documents and died
        List<PipelineItem> claimed = queue.claim(2);
        claimed.forEach(i -> datasets.updateStatus(i.documentId(), IndexingStatus.INDEXING, null));
        engine.deactivate();
        closeStore();

        // restart on the same data directory
        openStore();
        nodes = new PipelineNodes(datasets);
        TestRegistry registry = nodes.registry();
        importer = new io.tributary.engine.dsl.DslImporterImpl(registry);
        engine = new io.tributary.engine.impl.WorkflowEngineImpl(new io.tributary.engine.impl.limits.Limits(500,
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(30), 10, 1 << 20, 5,
                java.time.Duration.ofMillis(500)), java.time.Duration.ofSeconds(5), registry);
        engine.addLayer(new io.tributary.store.runs.RunRecorder(runWriter));
        service = new PipelineServiceImpl(importer, datasets, engine, runs,
                new io.tributary.engine.registry.DatasourceRegistryImpl(), java.time.Clock.systemDefaultZone());
        startWorkers(3);

        await("the batch to end", () -> allEnded(r));
        assertTrue(batch(r).stream().allMatch(d -> d.indexingStatus().equals("completed")), () -> batch(r).toString());
        for (PipelineItem i : claimed) {
            assertEquals(2, queue.item(i.id()).orElseThrow().attempts());
        }
        for (DocumentRecord d : batch(r)) {
            assertEquals(2, datasets.segments(d.id(), null, 1, 10).total());
        }
        await("the queue to drain", () -> queue.pending() == 0);
    }

    @Test
    void shutdownLeavesUnfinishedItemsRunningForTheNextStart() throws Exception {
        Dataset ds = publishedTemplate();
        nodes.gated = true;
        startWorkers(2);
        BatchResult r = service.runPublished(ds.id(), localFiles(true, "1", "2", "3"));
        await("two runs at the gate", () -> nodes.running.get() == 2);

        workers.deactivate(); // grace 2 s, then the held runs are stopped
        workers = null;

        List<DocumentRecord> docs = batch(r);
        assertEquals(0, docs.stream().filter(d -> d.indexingStatus().equals("error")).count(), docs::toString);
        assertEquals(3, queue.pending());
        await("the stopped runs to be unwound", () -> nodes.running.get() == 0);

        nodes.gated = false;
        startWorkers(2);
        await("the batch to end", () -> allEnded(r));
        assertTrue(batch(r).stream().allMatch(d -> d.indexingStatus().equals("completed")), () -> batch(r).toString());
        for (DocumentRecord d : batch(r)) {
            assertEquals(2, datasets.segments(d.id(), null, 1, 10).total());
        }
    }

    @Test
    void aDeletedDocumentsItemIsDropped() throws Exception {
        Dataset ds = publishedTemplate();
        BatchResult r = service.runPublished(ds.id(), localFiles(true, "gone", "kept"));
        datasets.deleteDocument(r.documents().get(0).id());
        startWorkers(1);
        await("the kept document", () -> datasets.document(r.documents().get(1).id()).orElseThrow()
                .indexingStatus().equals("completed"));
        await("the queue to drain", () -> queue.pending() == 0);
        assertNull(nodes.indexRuns.get(r.documents().get(0).id()));
    }
}
