package io.tributary.app;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.net.SsrfBlockedException;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.engine.dsl.DslImporterImpl;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;
import io.tributary.store.apps.JdbcAppStore;
import io.tributary.store.db.Database;
import io.tributary.store.db.DatabaseSettings;
import io.tributary.store.files.JdbcFileStore;
import io.tributary.store.keys.JdbcApiKeyStore;
import io.tributary.store.runs.JdbcRunStore;
import io.tributary.store.runs.RunRecorder;
import io.tributary.store.runs.RunWriter;

/**
 * The real parts wired by hand, without OSGi: an H2 store in a temporary directory (apps, keys, files, runs and the
 * run recorder layer), the engine with its DSL importer, and the app service. Node types: {@code start} (outputs
 * the run's inputs), {@code hold} (waits until {@link #release} opens, interruptibly) and {@code end}.
 */
abstract class AppFixture {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DSL = """
            app: {mode: workflow, name: greeter}
            kind: app
            workflow:
              graph:
                nodes:
                - id: start
                  data:
                    type: start
                    title: Start
                    variables:
                    - {variable: name, type: text-input, required: true, max_length: 10}
                    - {variable: n, type: number}
                    - {variable: doc, type: file}
                - id: hold
                  data: {type: hold, title: Hold}
                - id: end
                  data: {type: end, title: End, outputs: []}
                edges:
                - {source: start, target: hold}
                - {source: hold, target: end}
            """;

    @TempDir
    Path dataDir;

    Database database;
    RunWriter writer;
    JdbcRunStore runs;
    JdbcFileStore files;
    InMemoryNodeTypeRegistry registry;
    WorkflowEngineImpl engine;
    AppServiceImpl service;
    volatile CountDownLatch release = new CountDownLatch(0);

    @BeforeEach
    void wire() {
        database = new Database(DatabaseSettings.embedded(dataDir, 8));
        writer = new RunWriter(database);
        runs = new JdbcRunStore(writer);
        files = new JdbcFileStore(database, dataDir.resolve("files"));
        registry = new InMemoryNodeTypeRegistry();
        install("start", ExecutionType.ROOT, ctx -> NodeResult.of(ctx.runInputs(), ctx.runInputs()));
        install("hold", ExecutionType.EXECUTABLE, ctx -> {
            release.await();
            return NodeResult.of(Map.of());
        });
        install("end", ExecutionType.EXECUTABLE, ctx -> NodeResult.of(Map.of()));
        engine = new WorkflowEngineImpl(new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 1 << 20, 5,
                Duration.ofMillis(500)), Duration.ofSeconds(5), registry);
        engine.addLayer(new RunRecorder(writer));
        service = new AppServiceImpl(new JdbcAppStore(database), new JdbcApiKeyStore(database), runs,
                new DslImporterImpl(registry), engine, files, refusingGuard());
    }

    private void install(String type, ExecutionType kind, io.tributary.api.node.NodeExecutor executor) {
        registry.add(new NodeTypeInfo(type, null, "1.0.0", 1, "test." + type, "1.0.0"), new NodeType() {
            @Override
            public ExecutionType executionType() {
                return kind;
            }

            @Override
            public io.tributary.api.node.NodeExecutor create(io.tributary.api.model.GraphNode node) {
                return executor;
            }
        });
    }

    /** A guard that refuses every URL (no test here fetches anything). */
    static SsrfGuard refusingGuard() {
        return (SsrfGuard) Proxy.newProxyInstance(SsrfGuard.class.getClassLoader(), new Class<?>[] {SsrfGuard.class},
                (proxy, method, args) -> {
                    throw new SsrfBlockedException("test", "refused in tests");
                });
    }

    @AfterEach
    void shutdown() {
        release.countDown();
        engine.deactivate();
        writer.close();
        database.close();
    }
}
