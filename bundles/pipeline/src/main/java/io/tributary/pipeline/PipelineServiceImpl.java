package io.tributary.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.model.Problem;
import io.tributary.api.node.FileFormats;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunListener;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.model.SystemVariables;
import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.pipeline.DatasourceEvents;
import io.tributary.api.pipeline.DatasourceNodeRun;
import io.tributary.api.pipeline.DatasourcePlugin;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.api.pipeline.PipelineImport;
import io.tributary.api.pipeline.PipelineRunRequest;
import io.tributary.api.pipeline.PipelineService;
import io.tributary.api.pipeline.PipelineTemplate;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.NewDocument;
import io.tributary.api.store.dto.PipelineRunSpec;
import io.tributary.api.store.RunStore;
import io.tributary.pipeline.datasource.DatasourceNodeRunner;
import io.tributary.pipeline.datasource.DatasourcePlugins;
import io.tributary.pipeline.datasource.DriveFolders;
import io.tributary.pipeline.definition.ImportWarnings;
import io.tributary.pipeline.definition.KnowledgeSettings;
import io.tributary.pipeline.definition.PipelineDefinition;
import io.tributary.pipeline.definition.PipelineDsl;
import io.tributary.pipeline.definition.PublishedPipelines;
import io.tributary.pipeline.run.BatchIds;
import io.tributary.pipeline.run.DatasourceItems;
import io.tributary.pipeline.run.RunCheck;
import io.tributary.pipeline.run.RunRequests;
import io.tributary.pipeline.template.BuiltInTemplates;
import io.tributary.pipeline.worker.QueueSignal;

/**
 * The {@link PipelineService}: imports and publishes pipelines, validates and queues published runs (the
 * {@link io.tributary.pipeline.worker.PipelineWorkers} run them), runs drafts and single datasource nodes.
 */
@Component(service = PipelineService.class)
public final class PipelineServiceImpl implements PipelineService {
    static final String CREATED_FROM = "rag-pipeline";

    private final DatasetStore datasets;
    private final WorkflowEngine engine;
    /** Not called: referenced so runs start only once the store, whose engine layer records them, is up. */
    private final RunStore runs;
    private final PipelineDsl dsl;
    private final DslImporter importer;
    private final PublishedPipelines published;
    private final BatchIds batchIds;
    private final DatasourceRegistry providers;
    private volatile QueueSignal signal;
    private final List<FileFormats> formats = new CopyOnWriteArrayList<>();

    @Activate
    public PipelineServiceImpl(@Reference DslImporter importer, @Reference DatasetStore datasets,
                               @Reference WorkflowEngine engine, @Reference RunStore runs,
                               @Reference DatasourceRegistry providers) {
        this(importer, datasets, engine, runs, providers, Clock.systemDefaultZone());
    }

    public PipelineServiceImpl(DslImporter importer, DatasetStore datasets, WorkflowEngine engine, RunStore runs,
                               DatasourceRegistry providers, Clock clock) {
        this.importer = importer;
        this.providers = providers;
        this.datasets = datasets;
        this.engine = engine;
        this.runs = runs;
        this.dsl = new PipelineDsl(importer);
        this.published = new PublishedPipelines(dsl);
        this.batchIds = new BatchIds(clock);
    }

    // ---- references that come and go

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setSignal(QueueSignal s) {
        this.signal = s;
    }

    public void unsetSignal(QueueSignal s) {
        if (this.signal == s) {
            this.signal = null;
        }
    }

    /** The extractors' formats: what the pipeline upload accepts follows the installed extractor plugins. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addFormats(FileFormats f) {
        formats.add(f);
    }

    public void removeFormats(FileFormats f) {
        formats.remove(f);
    }

    @Override
    public Set<String> uploadExtensions() {
        TreeSet<String> all = new TreeSet<>();
        for (FileFormats f : formats) {
            all.addAll(f.extensions());
        }
        return java.util.Collections.unmodifiableSortedSet(all);
    }

    // ---- import and publish

    @Override
    public PipelineImport importPipeline(String yaml, String createdBy) throws DslImportException {
        if (yaml == null || yaml.isBlank()) {
            throw new DslImportException(List.of(Problem.of(Problem.DOCUMENT, "", "The DSL is empty.")));
        }
        PipelineDefinition p = dsl.check(yaml);
        List<String> warnings = ImportWarnings.of(p, providers);
        String name = p.document().metadata().name().isBlank() ? "untitled" : p.document().metadata().name();
        return new PipelineImport(datasets.createDataset(settings(p, name, p.document().metadata().description(),
                yaml, createdBy)), warnings);
    }

    private static NewDataset settings(PipelineDefinition p, String name, String description, String yaml,
                                       String createdBy) {
        KnowledgeSettings k = p.knowledge();
        return new NewDataset(name, description, k.chunkStructure(), k.indexingTechnique(),
                k.embeddingModelProvider(), k.embeddingModel(), k.keywordNumber(), k.retrievalModel(), yaml,
                createdBy);
    }

    @Override
    public DatasetVersion publish(String datasetId) {
        Dataset ds = dataset(datasetId);
        if (ds.draftDsl() == null) {
            throw PipelineException.invalid("The dataset has no pipeline to publish.");
        }
        PipelineDefinition draft;
        try {
            draft = dsl.check(ds.draftDsl());
        } catch (DslImportException e) {
            throw PipelineException.invalid(e.getMessage());
        }
        String publishedStructure = datasets.latestVersion(datasetId).map(this::structureOf)
                .orElse(null);
        if (publishedStructure != null && !publishedStructure.equals(draft.knowledge().chunkStructure())) {
            throw PipelineException.invalid("Chunk structure is not compatible with the published pipeline.");
        }
        // the dataset's indexing settings follow the pipeline it runs
        datasets.updateDraft(datasetId, settings(draft, ds.name(), ds.description(), ds.draftDsl(), ds.createdBy()));
        return datasets.publish(datasetId).orElseThrow(() -> notFound());
    }

    private String structureOf(DatasetVersion v) {
        try {
            return published.of(v).knowledge().chunkStructure();
        } catch (DslImportException e) {
            return null;
        }
    }

    // ---- runs

    @Override
    public BatchResult runPublished(String datasetId, PipelineRunRequest request) {
        Dataset ds = dataset(datasetId);
        DatasetVersion version = datasets.latestVersion(datasetId)
                .orElseThrow(() -> PipelineException.invalid("Workflow not published"));
        PipelineDefinition pipeline;
        try {
            pipeline = published.of(version);
        } catch (DslImportException e) {
            throw PipelineException.invalid(e.getMessage());
        }
        RunCheck check = RunCheck.of(pipeline, request);
        List<Map<String, Object>> items = items(check, request);
        String batch = batchIds.next();
        List<NewDocument> docs = items.stream().map(i -> new NewDocument(
                DatasourceItems.documentName(check.type(), i), check.type().wireName(), i)).toList();
        List<DocumentRecord> created = datasets.createDocuments(datasetId, batch, CREATED_FROM, docs,
                new PipelineRunSpec(version.workflowId(), check.startNode().id(), request.inputs(), request.user()));
        QueueSignal s = signal;
        if (s != null) {
            s.itemsQueued();
        }
        return new BatchResult(batch, ds, created);
    }

    @Override
    public RunHandle runDraft(String datasetId, PipelineRunRequest request, RunListener listener) {
        Dataset ds = dataset(datasetId);
        if (ds.draftDsl() == null) {
            throw PipelineException.invalid("Workflow not initialized");
        }
        PipelineDefinition pipeline;
        try {
            pipeline = dsl.check(ds.draftDsl());
        } catch (DslImportException e) {
            throw PipelineException.invalid(e.getMessage());
        }
        RunCheck check = RunCheck.of(pipeline, request);
        Map<String, Object> first = items(check, request).get(0);
        String runId = io.tributary.api.model.TimeOrderedIds.next();
        String workflowId = "draft-" + datasetId;
        try {
            return engine.start(pipeline.graph(), RunRequests.build(runId, workflowId, datasetId, null,
                    batchIds.next(), request.user(), check.type().wireName(), first, check.startNode().id(),
                    request.inputs(), check.rag(), SystemVariables.INVOKE_FROM_DEBUGGER, listener));
        } catch (RunRejectedException e) { // recorded as failed by the store's layer
            throw PipelineException.invalid("The pipeline cannot run: " + e.getMessage());
        }
    }

    private List<Map<String, Object>> items(RunCheck check, PipelineRunRequest request) {
        if (check.type() != DatasourceType.ONLINE_DRIVE) {
            return request.datasourceInfoList();
        }
        try {
            return new DriveFolders(providers).expand(check.startNode(), request.datasourceInfoList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing drive folders", e);
        }
    }

    // ---- datasources

    @Override
    public List<DatasourcePlugin> datasourcePlugins(String datasetId, boolean isPublished) {
        Dataset ds = dataset(datasetId);
        try {
            return DatasourcePlugins.of(document(ds, isPublished));
        } catch (DslImportException e) {
            throw PipelineException.invalid(e.getMessage());
        }
    }

    @Override
    public void runDatasourceNode(String datasetId, String nodeId, DatasourceNodeRun request, DatasourceEvents events)
            throws InterruptedException {
        Dataset ds = dataset(datasetId);
        DslDocument doc;
        try {
            doc = document(ds, request.published());
        } catch (PipelineException | DslImportException e) {
            events.error(e.getMessage());
            return;
        }
        new DatasourceNodeRunner(providers).run(doc.graph(), nodeId, request, events);
    }

    /** The published or draft document, parsed only (listing must work even when a node type is missing). */
    private DslDocument document(Dataset ds, boolean isPublished) throws DslImportException {
        if (isPublished) {
            DatasetVersion v = datasets.latestVersion(ds.id())
                    .orElseThrow(() -> PipelineException.invalid("Workflow not published"));
            return importer.parse(v.dsl());
        }
        if (ds.draftDsl() == null) {
            throw PipelineException.invalid("Workflow not initialized");
        }
        return importer.parse(ds.draftDsl());
    }

    @Override
    public List<PipelineTemplate> templates() {
        return BuiltInTemplates.all();
    }

    private Dataset dataset(String datasetId) {
        return datasets.dataset(datasetId).orElseThrow(PipelineServiceImpl::notFound);
    }

    private static PipelineException notFound() {
        return PipelineException.notFound("Dataset not found.");
    }
}
