package io.tributary.pipeline.worker;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.dsl.DslImportException;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.SystemVariables;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.PipelineItem;
import io.tributary.api.store.PipelineQueue;
import io.tributary.api.store.RunStore;
import io.tributary.pipeline.definition.PipelineDefinition;
import io.tributary.pipeline.definition.PublishedPipelines;
import io.tributary.pipeline.run.RagVariables;
import io.tributary.pipeline.run.RunRequests;

/**
 * Runs one claimed pipeline item to its end: the document goes {@code indexing}, the published pipeline runs on
 * the engine, and the document ends {@code completed} or {@code error} with the run's error together with its item
 * ({@link PipelineQueue#complete}, one transaction). An item whose run was cut short by shutdown is left
 * {@code running}, so the next start requeues it.
 */
final class ItemRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ItemRunner.class);

    private final DatasetStore datasets;
    private final PipelineQueue queue;
    private final WorkflowEngine engine;
    /** Not called: referenced so runs start only once the store, whose engine layer records them, is up. */
    private final RunStore runs;
    private final PublishedPipelines pipelines;
    private final BooleanSupplier stopping;
    private final Map<String, RunHandle> inFlight = new ConcurrentHashMap<>();

    ItemRunner(DatasetStore datasets, PipelineQueue queue, WorkflowEngine engine, RunStore runs,
               PublishedPipelines pipelines, BooleanSupplier stopping) {
        this.datasets = datasets;
        this.queue = queue;
        this.engine = engine;
        this.runs = runs;
        this.pipelines = pipelines;
        this.stopping = stopping;
    }

    /** Stops every run still going (shutdown after the grace period). */
    void stopAll(String reason) {
        inFlight.values().forEach(h -> h.stop(reason));
    }

    /** Processes the item; returns without finishing it only when interrupted or stopped by shutdown. */
    void process(PipelineItem item) throws InterruptedException {
        Optional<DocumentRecord> doc = datasets.document(item.documentId());
        if (doc.isEmpty()) {
            LOG.info("Pipeline item {}: document {} was deleted; dropping the item", item.id(), item.documentId());
            queue.complete(item, IndexingStatus.ERROR, "The document was deleted.");
            return;
        }
        datasets.updateStatus(item.documentId(), IndexingStatus.PARSING, null); // DocumentProgress takes it on
        try {
            RunFinished f = run(item);
            if (f == null) {
                return; // stopped by shutdown: stays running, requeued on the next start
            }
            boolean ok = f.status() == RunStatus.SUCCEEDED || f.status() == RunStatus.PARTIAL_SUCCEEDED;
            String error = ok ? null : f.error() == null || f.error().isBlank() ? "Pipeline run " + f.status()
                    .wireName() : f.error();
            queue.complete(item, ok ? IndexingStatus.COMPLETED : IndexingStatus.ERROR, error);
        } catch (Failure e) {
            fail(item, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Pipeline item {} (document {}) failed unexpectedly", item.id(), item.documentId(), e);
            fail(item, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private RunFinished run(PipelineItem item) throws InterruptedException {
        DatasetVersion version = datasets.version(item.workflowId())
                .orElseThrow(() -> new Failure("Pipeline version " + item.workflowId() + " not found"));
        PipelineDefinition pipeline;
        try {
            pipeline = pipelines.of(version);
        } catch (DslImportException e) {
            throw new Failure(e.getMessage());
        }
        Map<String, Map<String, Object>> rag;
        try {
            rag = RagVariables.of(pipeline.document().ragPipelineVariables(), item.startNodeId(), item.inputs());
        } catch (PipelineException e) {
            throw new Failure(e.getMessage());
        }
        // the first attempt runs under the item's id; a requeued item gets a fresh run (the old one is recorded)
        String runId = item.attempts() <= 1 ? item.id() : UUID.randomUUID().toString();
        var request = RunRequests.build(runId, item.workflowId(), item.datasetId(), item.documentId(), item.batch(),
                item.createdBy(), item.datasourceType(), item.datasourceInfo(), item.startNodeId(), item.inputs(), rag,
                SystemVariables.INVOKE_FROM_PUBLISHED_PIPELINE,
                new DocumentProgress(datasets, item.documentId(), pipeline.graph()));
        RunHandle handle;
        try {
            handle = engine.start(pipeline.graph(), request);
        } catch (RunRejectedException e) { // recorded as failed by the store's layer
            throw new Failure(e.getMessage());
        }
        inFlight.put(item.id(), handle);
        try {
            RunFinished f = handle.completion().toCompletableFuture().get();
            if (f.status() == RunStatus.STOPPED && stopping.getAsBoolean()) {
                return null;
            }
            return f;
        } catch (ExecutionException e) {
            throw new Failure("Pipeline run failed: " + e.getCause());
        } finally {
            inFlight.remove(item.id());
        }
    }

    private void fail(PipelineItem item, String message) {
        try {
            queue.complete(item, IndexingStatus.ERROR, message);
        } catch (RuntimeException e) {
            LOG.error("Pipeline item {}: could not record its failure ({}); it stays running until the next start",
                    item.id(), message, e);
        }
    }

    /** An expected failure of an item, recorded on its document. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
