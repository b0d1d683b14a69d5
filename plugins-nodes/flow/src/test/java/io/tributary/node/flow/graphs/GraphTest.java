package io.tributary.node.flow.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.tributary.api.dsl.ConversationVariable;
import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.EnvironmentVariable;
import io.tributary.api.dsl.Secret;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunFinished;
import io.tributary.engine.dsl.DslParser;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.node.flow.FlowTypes;
import io.tributary.node.flow.http.HttpTypes;

/**
 * Base of the graph tests: YAML fixtures under {@code src/test/resources/graphs} read by the real
 * {@link DslParser}, validated and run by the real engine over the real flow node types (plain objects, no
 * OSGi; the SSRF guard allows 127.0.0.1 only).
 */
abstract class GraphTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    final FlowRegistry registry = new FlowRegistry(FlowTypes.all(HttpTypes.guard("127.0.0.1")));
    final WorkflowEngineImpl engine = new WorkflowEngineImpl(
            new Limits(500, Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 204800, 5, Duration.ofMillis(500)),
            Duration.ofSeconds(5), registry);

    TestServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new TestServer();
        env.put("base", server.base());
    }

    @AfterEach
    void shutdown() {
        engine.deactivate();
        server.close();
        assertEquals(0, registry.open.get(), "leases left open");
    }

    /** Environment values that replace the fixture's (the test server's address). */
    final java.util.Map<String, Object> env = new java.util.HashMap<>();

    /** Reads a fixture; it must parse and validate without a problem. */
    DslDocument load(String name) {
        DslDocument doc = parse(yaml(name));
        assertEquals(java.util.List.of(), engine.validate(doc.graph()), "validation problems of " + name);
        return doc;
    }

    static DslDocument parse(String yaml) {
        try {
            return new DslParser().parse(yaml);
        } catch (io.tributary.api.dsl.DslImportException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    static String yaml(String name) {
        try (InputStream in = GraphTest.class.getResourceAsStream("/graphs/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a fixture with the document's environment and conversation variables. */
    RunHandle start(String name, Events events, Consumer<RunRequest.Builder> request) throws Exception {
        DslDocument doc = load(name);
        RunRequest.Builder b = RunRequest.builder().listener(events);
        for (EnvironmentVariable v : doc.environmentVariables()) {
            Object value = env.containsKey(v.name()) ? env.get(v.name())
                    : v.value() instanceof Secret s ? s.reveal() : v.value();
            b.environment(v.name(), value, v.secret());
        }
        for (ConversationVariable v : doc.conversationVariables()) {
            b.conversation(v.name(), v.value());
        }
        request.accept(b);
        return engine.start(doc.graph(), b.build());
    }

    /** Runs a fixture to its end. */
    Events run(String name, Consumer<RunRequest.Builder> request) throws Exception {
        Events events = new Events();
        RunFinished f = start(name, events, request).await(WAIT);
        assertEquals(f, events.end(), "the terminal event is the last one");
        return events;
    }

    Events run(String name) throws Exception {
        return run(name, b -> { });
    }
}
