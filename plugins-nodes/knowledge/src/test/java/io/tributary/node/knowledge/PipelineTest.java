package io.tributary.node.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunFinished;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.node.NodeType;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.FileStore;
import io.tributary.engine.dsl.DslParser;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.node.knowledge.datasource.CredentialSource;
import io.tributary.node.knowledge.datasource.DatasourceNodeType;
import io.tributary.engine.registry.DatasourceRegistryImpl;
import io.tributary.node.knowledge.index.KnowledgeIndexNodeType;

/**
 * Base of the pipeline tests: YAML fixtures under {@code src/test/resources/graphs} read by the real {@link DslParser},
 * validated and run by the real engine over this bundle's node types as plain objects (no OSGi). Subclasses set the
 * services the node types use ({@link #files}, {@link #knowledge}, {@link #datasets}) and add providers to
 * {@link #providers} before the first run.
 */
public abstract class PipelineTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    protected final DatasourceRegistryImpl providers = new DatasourceRegistryImpl();
    protected FileStore files;
    protected KnowledgeBase knowledge;
    protected DatasetStore datasets;
    protected long maxFileSize = 1024 * 1024;

    /** More node types for whole pipelines, keyed {@code type#tool@version} (the real chunkers). */
    protected final Map<String, NodeType> tools = new LinkedHashMap<>();

    private TestRegistry registry;
    private WorkflowEngineImpl engine;

    /** The engine over the node types, built on first use with the services set so far. */
    protected WorkflowEngineImpl engine() {
        if (engine == null) {
            Map<String, NodeType> types = new LinkedHashMap<>();
            types.put("datasource@1.0.0", new DatasourceNodeType(providers, CredentialSource.NONE, files, maxFileSize));
            types.put("knowledge-index@1.0.0", new KnowledgeIndexNodeType(knowledge, datasets));
            types.putAll(tools);
            registry = new TestRegistry(types);
            engine = new WorkflowEngineImpl(new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10,
                    10 * 1024 * 1024, 5, Duration.ofMillis(500)), Duration.ofSeconds(5), registry);
        }
        return engine;
    }

    @AfterEach
    void shutdownEngine() {
        if (engine != null) {
            engine.deactivate();
            assertEquals(0, registry.open.get(), "leases left open");
        }
    }

    /** Reads a fixture; it must parse and validate without a problem. */
    protected DslDocument load(String yaml) {
        DslDocument doc = parse(yaml);
        assertEquals(List.of(), engine().validate(doc.graph()), "validation problems");
        return doc;
    }

    protected static DslDocument parse(String yaml) {
        try {
            return new DslParser().parse(yaml);
        } catch (DslImportException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    protected static String yaml(String name) {
        try (InputStream in = PipelineTest.class.getResourceAsStream("/graphs/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a pipeline (YAML text) to its end. */
    protected Events runYaml(String yaml, Consumer<RunRequest.Builder> request) throws Exception {
        DslDocument doc = load(yaml);
        Events events = new Events();
        RunRequest.Builder b = RunRequest.builder().listener(events);
        request.accept(b);
        RunFinished f = engine().start(doc.graph(), b.build()).await(WAIT);
        assertEquals(f, events.end(), "the terminal event is the last one");
        return events;
    }

    /** Runs a fixture to its end. */
    protected Events run(String fixture, Consumer<RunRequest.Builder> request) throws Exception {
        return runYaml(yaml(fixture), request);
    }

    /** The sys variables of a published pipeline run for one item. */
    protected static Consumer<RunRequest.Builder> published(String datasetId, String documentId, String batch,
            String datasourceType, Map<String, ?> info) {
        return b -> b.system("user_id", "tester").system("app_id", datasetId).system("dataset_id", datasetId)
                .system("document_id", documentId).system("original_document_id", documentId).system("batch", batch)
                .system("datasource_type", datasourceType).system("datasource_info", info)
                .system("invoke_from", "published_pipeline");
    }

    /** The sys variables of a draft (debugger) run: no document. */
    protected static Consumer<RunRequest.Builder> debugger(String datasetId, String datasourceType,
            Map<String, ?> info) {
        return b -> b.system("user_id", "tester").system("app_id", datasetId).system("dataset_id", datasetId)
                .system("batch", "20260101000000123456").system("datasource_type", datasourceType)
                .system("datasource_info", info).system("invoke_from", "debugger");
    }
}
