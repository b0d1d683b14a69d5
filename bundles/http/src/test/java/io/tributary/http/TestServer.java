package io.tributary.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.api.app.AppDslException;
import io.tributary.api.app.AppService;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.model.Problem;
import io.tributary.api.engine.InvalidBundleException;
import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.pipeline.PipelineService;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.KeyKind;
import io.tributary.api.store.dto.UploadFile;

/**
 * The HTTP bundle's routes in-process, as Javalin's own {@code TestUtil} runs them: the real {@link ApiServer}
 * (routes, error mapper, multipart reader, connection guard) on a free loopback port, over fake services put in
 * its slot map by DS reference name, called with a real HTTP client ({@code java.net.http}).
 *
 * <p>The default fakes: an app key {@value #APP_KEY} of app {@code app1}, a dataset key {@value #DATASET_KEY}, a
 * file store that keeps what it is given ({@link #saved}), a DSL importer and pipeline service that refuse every
 * DSL (400 {@code invalid_dsl}), a plugin admin that refuses every jar (400 {@code invalid_bundle}).
 */
final class TestServer implements AutoCloseable {
    static final String APP_KEY = "app-test";
    static final String DATASET_KEY = "dataset-test";
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, Object> services = new ConcurrentHashMap<>();
    final List<UploadFile> saved = java.util.Collections.synchronizedList(new ArrayList<>());
    final Path spool;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServiceSlots slots;
    private final ApiServer server;

    TestServer(TestConfig config) {
        try {
            spool = Files.createTempDirectory("tributary-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        defaults();
        slots = new ServiceSlots(services::get, 200);
        server = new ApiServer(config, slots, spool, "test");
    }

    TestServer() {
        this(TestConfig.defaults());
    }

    private void defaults() {
        ApiKey app = new ApiKey("k1", KeyKind.APP, "app1", "...test", Instant.EPOCH, null);
        ApiKey dataset = new ApiKey("k2", KeyKind.DATASET, null, "...test", Instant.EPOCH, null);
        services.put("keys", Fakes.of(ApiKeyStore.class, Map.of("verify", a ->
                APP_KEY.equals(a[0]) ? Optional.of(app) : DATASET_KEY.equals(a[0]) ? Optional.of(dataset)
                        : Optional.empty())));
        services.put("apps", Fakes.of(AppStore.class, Map.of("app", a -> "app1".equals(a[0])
                ? Optional.of(new App("app1", "Test", "workflow", "", "", 1, Instant.EPOCH, Instant.EPOCH))
                : Optional.empty())));
        services.put("files", Fakes.of(FileStore.class, Map.of("save", a -> {
            long max = (long) a[5];
            byte[] bytes = ((InputStream) a[4]).readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new FileTooLargeException(max);
            }
            String name = (String) a[0];
            int dot = name.lastIndexOf('.');
            UploadFile f = new UploadFile("f" + saved.size(), name, bytes.length,
                    dot < 0 ? "" : name.substring(dot + 1), a[1] == null ? "text/plain" : (String) a[1], "",
                    (String) a[2], Instant.EPOCH, (String) a[3]);
            saved.add(f);
            return f;
        })));
        DslImportException invalid = new DslImportException(List.of(Problem.of(Problem.YAML, "yaml", "not a DSL")));
        services.put("importer", Fakes.of(DslImporter.class, Map.of("importDsl", a -> {
            throw invalid;
        })));
        services.put("appService", Fakes.of(AppService.class, Map.of("importDraft", a -> {
            throw new AppDslException(invalid.problems());
        })));
        services.put("pipelines", Fakes.of(PipelineService.class, Map.of("importPipeline", a -> {
            throw invalid;
        }, "uploadExtensions", a -> new java.util.TreeSet<>(Set.of("txt", "md", "pdf", "odt")))));
        services.put("pluginAdmin", Fakes.of(PluginAdmin.class, Map.of("install", a -> {
            ((InputStream) a[1]).readAllBytes();
            throw new InvalidBundleException("not a jar");
        }, "plugins", a -> List.of())));
    }

    /** Puts (or, with {@code null}, removes) the service bound to a DS reference name. */
    void bind(String reference, Object service) {
        if (service == null) {
            services.remove(reference);
        } else {
            services.put(reference, service);
        }
        slots.changed();
    }

    int port() {
        return server.port();
    }

    ConnectionGuard guard() {
        return server.guard();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = request(path).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** The error envelope of a response, checked: exactly code, message and status, status as answered. */
    static Map<String, Object> envelope(HttpResponse<String> r) {
        Map<String, Object> body;
        try {
            body = JSON.readValue(r.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (IOException e) {
            throw new AssertionError("not a JSON envelope (" + r.statusCode() + "): " + r.body(), e);
        }
        if (!body.keySet().containsAll(List.of("code", "message", "status"))
                || !Integer.valueOf(r.statusCode()).equals(body.get("status"))) {
            throw new AssertionError("not an error envelope for " + r.statusCode() + ": " + r.body());
        }
        return body;
    }

    /** Files left in the spool directory. */
    long spooled() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        server.stop();
        try (Stream<Path> files = Files.walk(spool)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }
}
