package io.tributary.bench.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution under test: a scratch copy of {@code dist/target/tributary-<v>/} started with {@code bin/tributary
 * start} on a free port with a fresh data directory, plus the admin calls the benchmarks need.
 */
final class Server implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;

    private Server(Path home, int port, Process process, String adminToken) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.adminToken = adminToken;
    }

    static Server start(Path dist) throws Exception {
        return start(dist, java.util.Map.of());
    }

    /** Starts the distribution with extra environment variables (settings). */
    static Server start(Path dist, java.util.Map<String, String> env) throws Exception {
        Path home = Files.createTempDirectory("tributary-load");
        copy(dist, home);
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/tributary").toString(), "start")
                .redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
        pb.environment().put("TRIBUTARY_HTTP_PORT", Integer.toString(port));
        pb.environment().put("TRIBUTARY_HTTP_HOST", "127.0.0.1");
        pb.environment().put("TRIBUTARY_DATA_DIR", home.resolve("data").toString());
        pb.environment().put("TRIBUTARY_DEMO", "false");
        pb.environment().putAll(env);
        Process p = pb.start();
        HttpClient c = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("server did not start; see " + home.resolve("server.log"));
            }
            Thread.sleep(50);
        }
        String token = Files.readString(home.resolve("data/admin.token")).trim();
        return new Server(home, port, p, token);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the server process has used so far, in ms. */
    long cpuMillis() throws IOException {
        return cpuMillis(process.pid());
    }

    /** CPU time (user + system) of a process, in ms, from /proc (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** Resident set size of the server process in MB, from /proc. */
    long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Imports, publishes and keys a workflow app; returns its {@code app-} key. */
    String app(String dsl) throws Exception {
        JsonNode app = admin("POST", "/admin/v1/apps", HttpRequest.BodyPublishers.ofString(dsl), "application/yaml");
        String id = app.path("id").asText();
        admin("POST", "/admin/v1/apps/" + id + "/publish", HttpRequest.BodyPublishers.noBody(), null);
        JsonNode key = admin("POST", "/admin/v1/apps/" + id + "/api-keys", HttpRequest.BodyPublishers.noBody(), null);
        return key.path("token").asText(key.path("key").asText());
    }

    /** Uploads a plugin jar; returns the installed bundle's id. */
    long install(Path jar) throws Exception {
        return admin("POST", "/admin/v1/plugins", HttpRequest.BodyPublishers.ofFile(jar), "application/java-archive")
                .path("id").asLong();
    }

    /** Retires a plugin bundle, waiting for its runs to drain. */
    JsonNode retire(long bundleId) throws Exception {
        return admin("DELETE", "/admin/v1/plugins/" + bundleId + "?drain_timeout=30",
                HttpRequest.BodyPublishers.noBody(), null);
    }

    JsonNode admin(String method, String path, HttpRequest.BodyPublisher body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + adminToken).method(method, body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void close() throws Exception {
        process.toHandle().destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> s = Files.walk(home)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(to.resolve("data"));
    }
}
