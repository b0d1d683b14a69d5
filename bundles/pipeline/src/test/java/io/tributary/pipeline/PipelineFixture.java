package io.tributary.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.dsl.DslImportException;
import io.tributary.api.pipeline.PipelineRunRequest;
import io.tributary.api.store.dto.Dataset;
import io.tributary.engine.dsl.DslImporterImpl;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.pipeline.template.BuiltInTemplates;
import io.tributary.pipeline.worker.PipelineWorkers;
import io.tributary.store.datasets.JdbcDatasetStore;
import io.tributary.store.db.Database;
import io.tributary.store.db.DatabaseSettings;
import io.tributary.store.queue.JdbcPipelineQueue;
import io.tributary.store.runs.JdbcRunStore;
import io.tributary.store.runs.RunRecorder;
import io.tributary.store.runs.RunWriter;

/**
 * The real parts wired by hand: an H2 store in a temporary directory, the engine with its DSL importer and run
 * recorder, the pipeline service, and (on demand) the workers.
 */
abstract class PipelineFixture {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The datasource node of the built-in template. */
    static final String FILE_NODE = "1752000000001";

    @TempDir
    Path dataDir;

    Database database;
    JdbcDatasetStore datasets;
    JdbcPipelineQueue queue;
    RunWriter runWriter;
    JdbcRunStore runs;
    PipelineNodes nodes;
    DslImporterImpl importer;
    WorkflowEngineImpl engine;
    PipelineServiceImpl service;
    PipelineWorkers workers;

    @BeforeEach
    void wire() {
        openStore();
        nodes = new PipelineNodes(datasets);
        TestRegistry registry = nodes.registry();
        importer = new DslImporterImpl(registry);
        engine = new WorkflowEngineImpl(new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 1 << 20, 5,
                Duration.ofMillis(500)), Duration.ofSeconds(5), registry);
        engine.addLayer(new RunRecorder(runWriter));
        service = new PipelineServiceImpl(importer, datasets, engine, runs,
                new io.tributary.engine.registry.DatasourceRegistryImpl(), Clock.systemDefaultZone());
    }

    void openStore() {
        database = new Database(DatabaseSettings.embedded(dataDir, 8));
        datasets = new JdbcDatasetStore(database);
        queue = new JdbcPipelineQueue(database);
        runWriter = new RunWriter(database);
        runs = new JdbcRunStore(runWriter);
    }

    /** Starts workers over the current store and engine, wired to wake on queued items. */
    PipelineWorkers startWorkers(int count) {
        workers = new PipelineWorkers(count, Duration.ofMinutes(10), Duration.ofSeconds(2), datasets, queue, engine,
                importer, runs);
        service.setSignal(workers);
        return workers;
    }

    @AfterEach
    void shutdown() throws Exception {
        if (workers != null) {
            nodes.gated = false;
            nodes.gate.release(1000);
            workers.deactivate();
        }
        engine.deactivate();
        closeStore();
    }

    void closeStore() {
        runWriter.close();
        database.close();
    }

    String template() {
        return BuiltInTemplates.all().get(0).dsl();
    }

    Dataset publishedTemplate() throws DslImportException {
        Dataset ds = service.importPipeline(template(), "tester").dataset();
        service.publish(ds.id());
        return ds;
    }

    static PipelineRunRequest localFiles(boolean published, String... names) {
        List<Map<String, Object>> items = java.util.Arrays.stream(names)
                .map(n -> Map.<String, Object>of("reference", n.startsWith("missing") ? n : "ref-" + n, "name", n))
                .toList();
        return new PipelineRunRequest(Map.of(), "local_file", items, FILE_NODE, published, "tester");
    }

    /** Waits until {@code condition} holds (polling the store), failing after {@link #WAIT}. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
