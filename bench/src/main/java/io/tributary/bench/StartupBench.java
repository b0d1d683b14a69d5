package io.tributary.bench;

import java.io.IOException;
import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Start-up figures of the assembled distribution, each a median of N runs:
 * <ul>
 * <li>cold start to the first {@code /health} 200 with a fresh data directory (empty framework cache),</li>
 * <li>the same with the framework cache of the previous run reused,</li>
 * <li>RSS of the server process right after start,</li>
 * <li>time from a plugin jar landing in {@code deploy/} to its node type being listed.</li>
 * </ul>
 * Run: {@code java bench/src/main/java/io/tributary/bench/StartupBench.java dist/target/tributary-<v> [runs] [testkit.jar]}
 */
public final class StartupBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    public static void main(String[] args) throws Exception {
        Path dist = Paths.get(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path plugin = args.length > 2 ? Paths.get(args[2]).toAbsolutePath() : null;
        Path work = Files.createTempDirectory("tributary-bench");
        Path home = work.resolve("tributary");
        copy(dist, home);

        List<Long> fresh = new ArrayList<>();
        List<Long> reused = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Long> deploy = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path data = work.resolve("data-" + i);
            fresh.add(startStop(home, data, rss, null, null));
            reused.add(startStop(home, data, null, plugin, deploy));
        }
        System.out.printf("cold start to first /health 200, fresh data dir: median %d ms %s%n", median(fresh), fresh);
        System.out.printf("cold start to first /health 200, reused cache:   median %d ms %s%n", median(reused), reused);
        System.out.printf("RSS after start:                               median %d MB %s%n", median(rss), rss);
        if (plugin != null) {
            System.out.printf("deploy/ jar to node type listed:               median %d ms %s%n", median(deploy), deploy);
        }
    }

    private static long startStop(Path home, Path data, List<Long> rss, Path plugin, List<Long> deploy)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path deployDir = home.resolve("deploy");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/tributary").toString(), "start")
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
        pb.environment().put("TRIBUTARY_HTTP_PORT", Integer.toString(port));
        pb.environment().put("TRIBUTARY_DATA_DIR", data.toString());
        pb.environment().put("TRIBUTARY_ADMIN_TOKEN", "bench-token");
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            while (status(health) != 200) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("server exited; see " + data + ".log");
                }
                if (System.nanoTime() - t0 > 60_000_000_000L) {
                    throw new IllegalStateException("no /health 200 within 60 s");
                }
                Thread.sleep(5);
            }
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            if (rss != null) {
                rss.add(rssMb(p.pid()));
            }
            if (plugin != null) {
                Path target = deployDir.resolve("bench-plugin.jar");
                URI types = URI.create("http://127.0.0.1:" + port + "/admin/v1/node-types");
                long d0 = System.nanoTime();
                Files.copy(plugin, target, StandardCopyOption.REPLACE_EXISTING);
                while (!body(types).contains("\"echo\"")) {
                    Thread.sleep(5);
                }
                deploy.add((System.nanoTime() - d0) / 1_000_000);
                Files.delete(target);
            }
            return startMs;
        } finally {
            p.toHandle().destroy();
            p.waitFor();
        }
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String body(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer bench-token").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
