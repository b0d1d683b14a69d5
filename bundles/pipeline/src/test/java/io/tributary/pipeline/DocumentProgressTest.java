package io.tributary.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;

/**
 * Issue #11 "Progress": a document's status follows its run (parsing → splitting → indexing → completed) and the
 * stage timestamps are set as it moves on, while it is in flight and after completion.
 */
class DocumentProgressTest extends PipelineFixture {

    private DocumentRecord doc(BatchResult r) {
        return datasets.document(r.documents().get(0).id()).orElseThrow();
    }

    @Test
    void aDocumentInFlightShowsItsStageAndCompletesWithEveryStageTimestamp() throws Exception {
        Dataset ds = publishedTemplate();
        nodes.gated = true; // the knowledge-index node holds the run
        startWorkers(1);
        BatchResult r = service.runPublished(ds.id(), localFiles(true, "1"));

        await("the run at the index node", () -> nodes.running.get() == 1);
        DocumentRecord inFlight = doc(r);
        assertEquals("indexing", inFlight.indexingStatus());
        assertNotNull(inFlight.processingStartedAt());
        assertNotNull(inFlight.parsingCompletedAt());
        assertNotNull(inFlight.cleaningCompletedAt());
        assertNotNull(inFlight.splittingCompletedAt());
        assertNull(inFlight.completedAt());
        assertFalse(inFlight.splittingCompletedAt().isBefore(inFlight.parsingCompletedAt()));

        nodes.gate.release(1);
        await("the document to complete", () -> doc(r).indexingStatus().equals("completed"));
        DocumentRecord done = doc(r);
        assertEquals(inFlight.parsingCompletedAt(), done.parsingCompletedAt());
        assertEquals(inFlight.splittingCompletedAt(), done.splittingCompletedAt());
        assertFalse(done.completedAt().isBefore(done.splittingCompletedAt()));
    }
}
