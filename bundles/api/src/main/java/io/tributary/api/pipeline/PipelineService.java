package io.tributary.api.pipeline;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.dsl.DslImportException;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunListener;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DatasetVersion;

/**
 * Knowledge pipelines: datasets made from {@code rag_pipeline} DSLs, publishing, and runs. Published runs are
 * queued durably and processed by a bounded pool of workers; queued work survives a restart.
 */
@ProviderType
public interface PipelineService {

    /**
     * Imports a {@code rag_pipeline} DSL as a new dataset whose settings come from its knowledge-index node, with
     * the pipeline as its draft. As Dify, it imports (with a warning each) pipeline variables whose
     * {@code belong_to_node_id} names no node of the graph (they are dropped: no run ever asks for them) and
     * datasource nodes whose provider is not installed (their runs fail with {@code datasource provider X is not
     * installed} until it is).
     *
     * @throws DslImportException with every problem when the DSL is not valid (exactly one knowledge-index node,
     *                            known node types...)
     */
    PipelineImport importPipeline(String dsl, String createdBy) throws DslImportException;

    /**
     * Publishes the dataset's draft as a new version.
     *
     * @throws PipelineException {@code NOT_FOUND} for an unknown dataset, {@code INVALID} when it has no pipeline or
     *                           the chunk structure changed
     */
    DatasetVersion publish(String datasetId);

    /**
     * Runs the published pipeline: creates one {@code waiting} document per item under a new batch, queues the
     * items durably, returns at once.
     *
     * @throws PipelineException for an unknown dataset, an unpublished pipeline or an invalid request
     */
    BatchResult runPublished(String datasetId, PipelineRunRequest request);

    /**
     * Runs the draft pipeline for the first item only, writing nothing (the knowledge-index node returns a
     * preview). The listener receives every event from the first.
     *
     * @throws PipelineException for an unknown dataset, no draft or an invalid request
     */
    RunHandle runDraft(String datasetId, PipelineRunRequest request, RunListener listener);

    /** The datasource nodes of the published ({@code published}) or draft pipeline. */
    List<DatasourcePlugin> datasourcePlugins(String datasetId, boolean published);

    /**
     * Runs one datasource node (browse pages, crawl, list a drive) and reports through {@code events}; returns
     * when done. Failures are reported as {@link DatasourceEvents#error}, never thrown, except
     * {@link PipelineException} {@code NOT_FOUND} for an unknown dataset.
     */
    void runDatasourceNode(String datasetId, String nodeId, DatasourceNodeRun request, DatasourceEvents events)
            throws InterruptedException;

    /**
     * The file name extensions (lower case, no dot) that the installed extractors read: the union of every
     * {@link io.tributary.api.node.FileFormats} service, in alphabetical order. What the pipeline file upload accepts.
     */
    Set<String> uploadExtensions();

    /** The built-in pipeline templates, for the admin API (import one with {@link #importPipeline}). */
    List<PipelineTemplate> templates();
}
