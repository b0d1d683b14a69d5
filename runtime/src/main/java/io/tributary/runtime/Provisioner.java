package io.tributary.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions the demo content on first start, through the product's own admin HTTP API (JDK HttpClient on
 * loopback, admin token), so it takes exactly the paths clients take. Each demo has one method and one marker
 * file in the data directory: a demo whose marker exists is never provisioned again. Runs on a background
 * thread after the framework started; {@code demo=false} skips it.
 */
final class Provisioner {
    /** Marker and result of the demo workflow app: its {@code app-} key, owner-readable only. */
    static final String DEMO_APP_KEY_FILE = "demo-app.key";
    static final String DEMO_APP_DSL = "/io/tributary/runtime/demo/demo-workflow.yml";

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final Duration READY_WAIT = Duration.ofSeconds(60);
    private static final Pattern STRING_FIELD = Pattern.compile("\"(%s)\"\\s*:\\s*\"([^\"]*)\"");

    private final URI base;
    private final String adminToken;
    private final Path dataDir;
    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base       the server's loopback base URL, e.g. {@code http://127.0.0.1:8080}
     * @param adminToken the admin token (not its hash)
     * @param dataDir    where the markers live
     * @param out        where a newly issued key is shown, once
     */
    Provisioner(URI base, String adminToken, Path dataDir, PrintStream out) {
        this.base = base;
        this.adminToken = adminToken;
        this.dataDir = dataDir;
        this.out = out;
    }

    /** The loopback URL of the configured HTTP listener: a wildcard host becomes 127.0.0.1. */
    static URI baseUrl(String host, int port) {
        String h = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")
                || host.equals("[::]") ? "127.0.0.1" : host;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + port);
    }

    /** Starts {@link #provisionDemos()} on a daemon thread and returns at once. */
    Thread startInBackground() {
        return Thread.ofPlatform().daemon().name("tributary-demo").start(() -> {
            try {
                provisionDemos();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Demo content was not provisioned: {}", e.getMessage());
            }
        });
    }

    /** Every demo whose marker is missing. Add a demo dataset here with a method of its own. */
    void provisionDemos() throws IOException, InterruptedException {
        demoWorkflowApp();
    }

    /**
     * The demo workflow app: imported, published, given a key; the key is kept in {@value #DEMO_APP_KEY_FILE}
     * (0600) and printed once. Returns the key, or {@code null} when it had been provisioned before.
     */
    String demoWorkflowApp() throws IOException, InterruptedException {
        Path keyFile = dataDir.resolve(DEMO_APP_KEY_FILE);
        if (Files.exists(keyFile)) {
            return null;
        }
        byte[] dsl;
        try (InputStream in = Provisioner.class.getResourceAsStream(DEMO_APP_DSL)) {
            if (in == null) {
                throw new IOException("missing resource " + DEMO_APP_DSL);
            }
            dsl = in.readAllBytes();
        }
        String created = call("POST", "/admin/v1/apps", "application/yaml", dsl, 201);
        String appId = field(created, "id");
        call("POST", "/admin/v1/apps/" + appId + "/publish", null, new byte[0], 201);
        String key = field(call("POST", "/admin/v1/apps/" + appId + "/api-keys", null, new byte[0], 201), "token");
        writePrivate(keyFile, key + "\n");
        out.println("""
                ------------------------------------------------------------------
                 Demo workflow app "Demo greeter" provisioned (app %s).
                 Its API key (shown once; kept in %s, mode 0600):
                   %s
                 Try:  curl -X POST http://localhost:<port>/v1/workflows/run \\
                         -H 'Authorization: Bearer <key>' -H 'Content-Type: application/json' \\
                         -d '{"inputs":{"name":"Ada"},"user":"me"}'
                ------------------------------------------------------------------"""
                .formatted(appId, keyFile, key));
        out.flush();
        LOG.info("Demo workflow app {} provisioned", appId);
        return key;
    }

    /**
     * One admin API call. Connection failures and 503 (a service still starting) are retried until
     * {@link #READY_WAIT}; any other unexpected status fails with the response body.
     */
    private String call(String method, String path, String contentType, byte[] body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpRequest request = b.build();
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        long pause = 100;
        while (true) {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == expected) {
                    return r.body();
                }
                if (r.statusCode() != 503 || System.nanoTime() > deadline) {
                    throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
                }
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 2000);
        }
    }

    /** A top-level string field of a JSON object (the runtime has no JSON library; the admin API is ours). */
    static String field(String json, String name) throws IOException {
        Matcher m = Pattern.compile(STRING_FIELD.pattern().formatted(Pattern.quote(name))).matcher(json);
        if (!m.find()) {
            throw new IOException("no \"" + name + "\" in " + json);
        }
        return m.group(2);
    }

    /** Writes a file readable by its owner only, atomically (a crash leaves no half-written marker). */
    static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
