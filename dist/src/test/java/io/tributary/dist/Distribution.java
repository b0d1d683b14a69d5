package io.tributary.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The assembled distribution, copied to a scratch directory and started as a separate process with
 * {@code bin/tributary start} on a free port. Start-up is awaited by reading the process output for the launcher's
 * "framework started" line (every core bundle and the shipped plugins started), not by sleeping.
 */
final class Distribution implements AutoCloseable {
    static final Path DIST = Paths.get(System.getProperty("tributary.dist.dir", "target/tributary"));

    final Path home;
    final Map<String, String> env = new HashMap<>();
    private Process process;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private int port;
    private Thread reader;

    Distribution(Path scratch) throws IOException {
        this.home = scratch.resolve("tributary");
        copyTree(DIST, home);
        // the demo content (an app, a dataset with an embedded document) only where a test asks for it
        env.put("TRIBUTARY_DEMO", "false");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the server (on the same port each time) and waits until it listens (or fails with its output). */
    Distribution start() throws Exception {
        if (port == 0) {
            port = freePort();
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/tributary").toString(), "start");
        pb.environment().put("TRIBUTARY_HTTP_PORT", Integer.toString(port));
        pb.environment().put("TRIBUTARY_HTTP_HOST", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        output.clear();
        process = pb.start();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Process p = process;
        reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    if (line.contains("framework started in")) {
                        started.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            started.completeExceptionally(new IllegalStateException("server exited with " + exitCode() + ":\n" + log()));
        });
        started.get(60, TimeUnit.SECONDS);
        return this;
    }

    private String exitCode() {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            return "?";
        }
    }

    /** The server process (the JVM itself: {@code bin/tributary} execs it). */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String log() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    Path dataDir() {
        String d = env.get("TRIBUTARY_DATA_DIR");
        return d == null ? home.resolve("data") : Paths.get(d);
    }

    /** SIGTERM, then waits for the process to end; returns its exit code. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.toHandle().destroy(); // SIGTERM, keeping our end of its output open (Process.destroy closes it)
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within 60 s after SIGTERM:\n" + log());
        }
        int code = process.exitValue();
        reader.join(10_000); // the last lines of output
        process = null;
        return code;
    }

    /** Waits for the process to end on its own; returns its exit code. */
    int awaitExit(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("server did not exit within " + timeout + ":\n" + log());
        }
        int code = process.exitValue();
        reader.join(10_000); // the last lines of output
        process = null;
        return code;
    }

    /** Kills the process at once (no shutdown hooks): a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
