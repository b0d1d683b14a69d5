package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of hostile uploads and slow clients over the real distribution (the in-process suite in
 * {@code bundles/http} has every case): malformed multipart on every upload route answers a 4xx envelope, a body
 * announced over the limit gets its 413 although the client sends it all first, a slow-header client is cut off
 * at {@code http.header.timeout.ms} (set through the environment, as an operator would), and a part spooled by a
 * killed process is gone after the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadUploadE2EIT {
    static final long UPLOAD_LIMIT = 64 * 1024;
    static final String B = "e2eboundary";

    Distribution dist;
    Http http;
    String admin;
    String appKey;
    String datasetKey;
    Path stale;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dist = new Distribution(dir);
        dist.env.put("TRIBUTARY_HTTP_UPLOAD_MAX_BYTES", Long.toString(UPLOAD_LIMIT));
        dist.env.put("TRIBUTARY_HTTP_HEADER_TIMEOUT_MS", "1000");
        // what a kill -9 during an upload leaves behind
        Path spool = dist.dataDir().resolve("tmp").resolve("uploads");
        Files.createDirectories(spool);
        stale = Files.writeString(spool.resolve("MultiPart1234567.multipart"), "left by a killed process");
        dist.start();
        http = new Http(dist.baseUrl());
        admin = Files.readString(dist.dataDir().resolve("admin.token")).trim();
        Http.Response app = http.post("/admin/v1/apps", admin, "application/yaml",
                WorkflowApiE2EIT.resource("greeter.yml").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, app.status(), app.raw().body());
        String id = app.json().get("id").asText();
        assertEquals(201, http.post("/admin/v1/apps/" + id + "/publish", admin, null, new byte[0]).status());
        appKey = http.post("/admin/v1/apps/" + id + "/api-keys", admin, null, new byte[0]).json().get("token").asText();
        datasetKey = http.post("/admin/v1/dataset-api-keys", admin, null, new byte[0]).json().get("token").asText();
    }

    @AfterAll
    void stop() throws Exception {
        dist.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] file(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(bytes("\r\n--" + B + "--\r\n"));
        return out.toByteArray();
    }

    @Test
    void malformedMultipartIsA4xxEnvelopeOnEveryUploadRoute() throws Exception {
        byte[] good = file("a.txt", bytes("hello"));
        record Bad(String name, String contentType, byte[] body) {
        }
        List<Bad> bad = List.of(
                new Bad("no boundary", "multipart/form-data", good),
                new Bad("truncated", "multipart/form-data; boundary=" + B, java.util.Arrays.copyOf(good, good.length - 20)),
                new Bad("NUL in the name", "multipart/form-data; boundary=" + B, file("a\u0000.txt", bytes("x"))),
                new Bad("10,000-character name", "multipart/form-data; boundary=" + B,
                        file("n".repeat(10_000) + ".txt", bytes("x"))));
        List<String[]> routes = List.of(new String[] {"/v1/files/upload", appKey},
                new String[] {"/v1/datasets/pipeline/file-upload", datasetKey},
                new String[] {"/admin/v1/apps", admin}, new String[] {"/admin/v1/datasets", admin},
                new String[] {"/admin/v1/plugins", admin});
        for (String[] route : routes) {
            for (Bad b : bad) {
                Http.Response r = http.post(route[0], route[1], b.contentType(), b.body());
                String what = b.name() + " on " + route[0] + ": " + r.raw().body();
                assertEquals(400, r.status(), what);
                assertNotNull(r.json(), what);
                assertEquals(400, r.json().get("status").asInt(), what);
                assertEquals("invalid_param", r.json().get("code").asText(), what);
            }
        }
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsAnswered413() throws Exception {
        URI base = URI.create(dist.baseUrl());
        byte[] body = new byte[512 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(bytes("POST /v1/files/upload HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + appKey
                    + "\r\nContent-Type: multipart/form-data; boundary=" + B + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n"));
            out.write(body);
            out.flush();
            String answer = readUntilClosed(s, 30_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"file_too_large\""), answer);
        }
    }

    @Test
    void aSlowHeaderClientIsCutOffAtTheConfiguredTimeout() throws Exception {
        URI base = URI.create(dist.baseUrl());
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(bytes("GET /health HTTP/1.1\r\nHost: t\r\n"));
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(bytes("X-Slow: 1\r\n"));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
            // 1 s configured through TRIBUTARY_HTTP_HEADER_TIMEOUT_MS; the default (10 s) would outlast this bound
            String answer = readUntilClosed(s, 6_000);
            assertFalse(answer.startsWith("HTTP/1.1 200"), answer);
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    void partsLeftByAKilledProcessAreSweptOnStart() {
        assertFalse(Files.exists(stale), "the spool is emptied on start");
    }

    static String readUntilClosed(Socket s, int boundMillis) throws IOException {
        s.setSoTimeout(boundMillis);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) >= 0) {
                got.write(b, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open after " + boundMillis + " ms", e);
        } catch (SocketException e) {
            // reset: closed
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
