package io.tributary.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * HTTP load figures of issue #4 against the started distribution, in one run on one machine:
 * <ol>
 * <li>the ceiling: wrk against raw Jetty 12.1 answering a fixed body;</li>
 * <li>blocking runs of a 3-node workflow ({@code POST /v1/workflows/run}) with wrk at 64 connections;</li>
 * <li>streaming runs at 64 concurrent clients: runs/s, time to first event, time to the last;</li>
 * <li>2,000 concurrent open SSE streams (a run that waits): server RSS and errors;</li>
 * <li>a node version swap under 200 runs/s: failed runs and time until new runs use v2.</li>
 * </ol>
 * Usage: {@code java -cp bench/target/benchmarks.jar io.tributary.bench.http.HttpLoadBench <dist dir>
 * <testkit jar> [seconds per phase, 15] [streams, 2000] [phases, all]}.
 */
public final class HttpLoadBench {
    private static final String BODY = "{\"inputs\":{\"name\":\"bench\"},\"user\":\"load\",\"response_mode\":\"%s\"}";

    private HttpLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        Path testkit = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int streams = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        String phases = args.length > 4 ? args[4] : "hello,blocking,streaming,sse,swap";
        System.out.printf("cores %d, load average at start %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (Server server = Server.start(dist)) {
            System.out.printf("server pid %d, RSS after start %d MB%n", server.pid(), server.rssMb());
            String three = server.app(resource("three.yml"));
            long testkitV1 = server.install(testkit);
            if (phases.contains("hello")) {
                try (JettyHello hello = new JettyHello()) {
                    Wrk.run(hello.url(), 64, 3, null);
                    long cpu = Server.cpuMillis(ProcessHandle.current().pid());
                    Wrk.Result r = Wrk.run(hello.url(), 64, seconds, null);
                    report("raw Jetty hello-world (ceiling)", r, Server.cpuMillis(ProcessHandle.current().pid()) - cpu,
                            seconds);
                }
            }
            if (phases.contains("blocking")) {
                Path lua = Files.createTempFile("post", ".lua");
                Files.writeString(lua, resource("post.lua").replace("KEY", three));
                Wrk.run(server.base() + "/v1/workflows/run", 64, 3, lua);
                long cpu = server.cpuMillis();
                Wrk.Result r = Wrk.run(server.base() + "/v1/workflows/run", 64, seconds, lua);
                report("blocking 3-node runs, 64 connections", r, server.cpuMillis() - cpu, seconds);
                System.out.printf("  server RSS %d MB%n", server.rssMb());
            }
            if (phases.contains("streaming")) {
                streaming(server, three, 64, seconds);
            }
            if (phases.contains("sse")) {
                concurrentStreams(server, streams);
            }
            if (phases.contains("swap")) {
                swap(server, testkit, testkitV1, 200, seconds);
            }
        }
    }

    /** Prints wrk's figures and the server's CPU time per request (independent of what else the machine runs). */
    private static void report(String what, Wrk.Result r, long cpuMillis, int seconds) {
        double requests = r.rps() * seconds;
        System.out.printf(Locale.ROOT, "%s: %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, errors %d, "
                        + "server CPU %.0f µs/request%n", what, r.rps(), r.p50(), r.p90(), r.p99(), r.errors(),
                cpuMillis * 1000.0 / Math.max(1, requests));
    }

    /** Closed loop: {@code clients} virtual threads each running streaming runs back to back. */
    private static void streaming(Server server, String key, int clients, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = Streams.request(server.base(), key, BODY.formatted("streaming"));
        long cpu = 0;
        for (int warm = 0; warm < 2; warm++) {
            if (warm == 1) {
                cpu = server.cpuMillis();
            }
            Latencies first = new Latencies();
            Latencies total = new Latencies();
            AtomicLong errors = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warm == 0 ? 3 : seconds);
            long t0 = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            Streams.Outcome o = Streams.run(client, req, null);
                            if (o.succeeded()) {
                                first.add(o.firstEventNanos());
                                total.add(o.totalNanos());
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    });
                }
            }
            if (warm == 1) {
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT,
                        "streaming 3-node runs, %d clients: %.0f runs/s, first event p50 %.2f ms p99 %.2f ms, "
                                + "last event p50 %.2f ms p99 %.2f ms, errors %d, server CPU %.0f µs/run%n", clients,
                        total.count() / secs, first.percentileMs(50), first.percentileMs(99),
                        total.percentileMs(50), total.percentileMs(99), errors.get(),
                        (server.cpuMillis() - cpu) * 1000.0 / Math.max(1, total.count()));
            }
        }
    }

    /** {@code n} streams open at once on runs that wait 20 s; RSS at the plateau; every stream must succeed. */
    private static void concurrentStreams(Server server, int n) throws Exception {
        String key = server.app(resource("wait.yml").replace("MILLIS", "20000"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = Streams.request(server.base(), key, "{\"inputs\":{},\"user\":\"sse\",\"response_mode\":\"streaming\"}");
        long before = server.rssMb();
        CountDownLatch open = new CountDownLatch(n);
        ConcurrentLinkedQueue<Streams.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        long peak;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                pool.submit(() -> outcomes.add(Streams.run(client, req, open::countDown)));
            }
            boolean all = open.await(60, TimeUnit.SECONDS);
            double openSecs = (System.nanoTime() - t0) / 1e9;
            peak = server.rssMb();
            System.out.printf(Locale.ROOT, "%d SSE streams: all open=%s after %.1f s (%d still opening)%n", n, all,
                    openSecs, open.getCount());
            for (int i = 0; i < 3; i++) {
                Thread.sleep(3000);
                peak = Math.max(peak, server.rssMb());
            }
        }
        long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
        String sample = outcomes.stream().filter(o -> !o.succeeded()).map(o -> o.error()).findFirst().orElse("");
        System.out.printf("  server RSS before %d MB, with %d streams open %d MB; streams failed %d %s%n", before, n,
                peak, failed, sample);
    }

    /**
     * Open loop at {@code rate} runs/s of a workflow whose unpinned echo node reports its version; v2 of the node's
     * bundle is installed after a third of the time and v1 retired after two thirds.
     */
    private static void swap(Server server, Path testkit, long v1, int rate, int seconds) throws Exception {
        Path v2jar = withVersion(testkit, "0.2.0");
        String key = server.app(resource("echo.yml"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = Streams.request(server.base(), key, "{\"inputs\":{},\"user\":\"swap\"}");
        record Run(long startNanos, String version, String failure) {
        }
        ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        AtomicBoolean on = new AtomicBoolean(true);
        long t0 = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (on.get()) {
                pool.submit(() -> {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        JsonNode data = Server.JSON.readTree(r.body()).path("data");
                        String status = data.path("status").asText();
                        runs.add(new Run(s, data.path("outputs").path("version").asText(),
                                r.statusCode() == 200 && "succeeded".equals(status) ? null
                                        : r.statusCode() + " " + r.body()));
                    } catch (Exception e) {
                        runs.add(new Run(s, "", e.toString()));
                    }
                });
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L / 3);
        long installStart = System.nanoTime();
        long v2 = server.install(v2jar);
        long installDone = System.nanoTime();
        Thread.sleep(seconds * 1000L / 3);
        long retireStart = System.nanoTime();
        JsonNode retired = server.retire(v1);
        long retireDone = System.nanoTime();
        Thread.sleep(seconds * 1000L / 3);
        on.set(false);
        ticker.shutdown();
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Long.compare(a.startNanos, b.startNanos));
        long failed = sorted.stream().filter(r -> r.failure != null).count();
        // the earliest start after which every run used v2
        long switchAt = -1;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            if (!sorted.get(i).version.startsWith("0.2.0")) {
                break;
            }
            switchAt = sorted.get(i).startNanos;
        }
        long firstV2 = sorted.stream().filter(r -> r.version.startsWith("0.2.0")).mapToLong(Run::startNanos).min()
                .orElse(-1);
        System.out.printf(Locale.ROOT,
                "swap under %d runs/s: %d runs in %.1f s (%.0f/s), failed %d%s; v2 (bundle %d) installed in %.0f ms; "
                        + "first run on v2 started %.0f ms after the upload began, every run from %.0f ms on used v2; "
                        + "retire v1 (bundle %d) took %.0f ms, drained=%s%n",
                rate, sorted.size(), secs, sorted.size() / secs, failed,
                failed == 0 ? "" : " e.g. " + sorted.stream().filter(r -> r.failure != null).findFirst().get().failure,
                v2, (installDone - installStart) / 1e6, (firstV2 - installStart) / 1e6,
                (switchAt - installStart) / 1e6, v1, (retireDone - retireStart) / 1e6, retired.path("drained"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HttpLoadBench.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A copy of a bundle jar with another Bundle-Version: a new version of the same plugin. */
    private static Path withVersion(Path jar, String version) throws IOException {
        Path target = Files.createTempFile("testkit-" + version + "-", ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

}
