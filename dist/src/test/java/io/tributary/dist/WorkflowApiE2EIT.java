package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Dify's workflow service API over real HTTP against the started distribution: apps and keys through the
 * admin API, blocking and streaming runs (checked event by event), validation and auth failures, a failing
 * node, stop mid-run, client disconnect, concurrent runs, and the recorded run detail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowApiE2EIT {
    Distribution dist;
    Http http;
    String admin;
    String greeterKey;
    String greeterId;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final long UPLOAD_LIMIT = 1024 * 1024;
    HttpServer remote;
    String demoKey;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dist = new Distribution(dir);
        dist.env.remove("TRIBUTARY_DEMO"); // this suite checks the demo content of a first start
        // Remote files are served by a server of this test on loopback, which the SSRF guard blocks by default.
        dist.env.put("TRIBUTARY_SSRF_ALLOW", "127.0.0.1");
        dist.env.put("TRIBUTARY_HTTP_UPLOAD_MAX_BYTES", Long.toString(UPLOAD_LIMIT));
        remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/docs/", ex -> {
            byte[] pdf = "%PDF-1.4 remote".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/pdf");
            ex.sendResponseHeaders(200, pdf.length);
            ex.getResponseBody().write(pdf);
            ex.close();
        });
        remote.start();
        String token = configure(dist);
        dist.start();
        http = new Http(dist.baseUrl());
        admin = token != null ? token : Files.readString(dist.dataDir().resolve("admin.token")).trim();
    }

    /** Adjusts the distribution before it starts; returns the admin token when it sets one. */
    String configure(Distribution d) throws Exception {
        return null;
    }

    @AfterAll
    void stop() throws Exception {
        dist.close();
        if (remote != null) {
            remote.stop(0);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = WorkflowApiE2EIT.class.getResourceAsStream("/apps/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Imports, publishes and issues a key; returns {app id, key}. */
    String[] app(String yaml) throws Exception {
        Http.Response created = http.post("/admin/v1/apps", admin, "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.raw().body());
        String id = created.json().get("id").asText();
        Http.Response published = http.post("/admin/v1/apps/" + id + "/publish", admin, null, new byte[0]);
        assertEquals(201, published.status(), published.raw().body());
        Http.Response key = http.post("/admin/v1/apps/" + id + "/api-keys", admin, null, new byte[0]);
        assertEquals(201, key.status(), key.raw().body());
        return new String[] {id, key.json().get("token").asText()};
    }

    Http.Response run(String key, Object body) throws Exception {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Http.JSON.writeValueAsBytes(body);
        return http.post("/v1/workflows/run", key, "application/json", bytes);
    }

    /** A streaming run, without an Accept header. */
    HttpResponse<InputStream> stream(String key, Map<String, Object> body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/v1/workflows/run"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body))).build();
        return client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    }

    static void assertError(Http.Response r, int status, String code) {
        assertEquals(status, r.status(), r.raw().body());
        assertEquals(code, r.json().get("code").asText(), r.raw().body());
        assertEquals(status, r.json().get("status").asInt());
    }

    @Test
    @Order(1)
    void anInvalidDslIsRefusedWithEveryProblem() throws Exception {
        Http.Response r = http.post("/admin/v1/apps", admin, "application/yaml",
                resource("broken.yml").getBytes(StandardCharsets.UTF_8));
        assertError(r, 400, "invalid_dsl");
        assertTrue(r.json().get("problems").size() >= 2, r.raw().body());

        Http.Response multipart = http.postMultipart("/admin/v1/apps", admin, "file", "broken.yml",
                resource("broken.yml").getBytes(StandardCharsets.UTF_8));
        assertError(multipart, 400, "invalid_dsl");
        assertError(http.post("/admin/v1/apps", admin, "application/yaml", new byte[0]), 400, "invalid_param");
        assertError(http.post("/admin/v1/apps", null, "application/yaml", new byte[0]), 401, "unauthorized");
    }

    /** The DSL importer's bad-input suite over HTTP: each is a 400 invalid_dsl naming its problem, never a 500. */
    @Test
    @Order(1)
    void hostileDslsAre400InvalidDsl() throws Exception {
        String head = "app: {mode: workflow}\nworkflow:\n  graph:\n    nodes:\n    - {id: start, data: {type: start}}\n";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("recursive", head + "    edges: &e [*e]\n");
        cases.put("long scalar", head + "    edges: []\nx: '" + "a".repeat(1024 * 1024 + 1) + "'\n");
        cases.put("deep", head + "    edges: []\nx: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n");
        cases.put("list", "- a\n- b\n");
        cases.put("scalar", "hello\n");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Http.Response r = http.post("/admin/v1/apps", admin, "application/yaml",
                    c.getValue().getBytes(StandardCharsets.UTF_8));
            assertError(r, 400, "invalid_dsl");
            assertEquals(1, r.json().get("problems").size(), c.getKey() + ": " + r.raw().body());
        }
        byte[] latin1 = (head + "    edges: []\nx: café\n").getBytes(StandardCharsets.ISO_8859_1);
        Http.Response notUtf8 = http.post("/admin/v1/apps", admin, "application/yaml", latin1);
        assertError(notUtf8, 400, "invalid_dsl");
        assertEquals("The DSL is not UTF-8 text.", notUtf8.json().get("message").asText());
        Http.Response nested = http.post("/admin/v1/apps", admin, "application/yaml", (head
                + "    - {id: a, data: {type: iteration, iteration_id: b, isInIteration: true}}\n"
                + "    - {id: b, data: {type: iteration, iteration_id: a, isInIteration: true}}\n    edges: []\n")
                .getBytes(StandardCharsets.UTF_8));
        assertError(nested, 400, "invalid_dsl");
        JsonNode first = nested.json().get("problems").get(0);
        assertEquals(List.of("node_id", "field", "message"), names(first));
        assertEquals("a", first.get("node_id").asText());
        assertEquals("data.iteration_id", first.get("field").asText());
        assertTrue(first.get("message").asText().contains("cannot be nested in itself"), nested.raw().body());
    }

    @Test
    @Order(2)
    void anAppIsImportedPublishedAndGetsAKey() throws Exception {
        Http.Response created = http.postMultipart("/admin/v1/apps", admin, "file", "greeter.yml",
                resource("greeter.yml").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.raw().body());
        greeterId = created.json().get("id").asText();
        assertEquals("Greeter", created.json().get("name").asText());
        assertTrue(created.json().get("published_version").isNull());

        Http.Response key = http.post("/admin/v1/apps/" + greeterId + "/api-keys", admin, null, new byte[0]);
        assertEquals(201, key.status());
        greeterKey = key.json().get("token").asText();
        assertTrue(greeterKey.startsWith("app-"));

        assertError(run(greeterKey, Map.of("inputs", Map.of("name", "Ada"), "user", "u1")), 400, "app_unavailable");

        Http.Response v1 = http.post("/admin/v1/apps/" + greeterId + "/publish", admin, null, new byte[0]);
        assertEquals(201, v1.status(), v1.raw().body());
        assertEquals(1, v1.json().get("version").asInt());

        Http.Response one = http.get("/admin/v1/apps/" + greeterId, admin);
        assertEquals(1, one.json().get("published_version").asInt());
        assertEquals(1, one.json().get("api_keys").size());
        assertTrue(one.json().get("api_keys").get(0).get("token") == null, "a key is shown once");
        assertEquals(200, http.get("/admin/v1/apps", admin).status());
        assertError(http.get("/admin/v1/apps/nope", admin), 404, "not_found");
    }

    @Test
    @Order(3)
    void aBlockingRunAnswersWithTheFinishedRun() throws Exception {
        Http.Response r = run(greeterKey, Map.of("inputs", Map.of("name", "Ada"), "user", "u1"));
        assertEquals(200, r.status(), r.raw().body());
        JsonNode j = r.json();
        String runId = j.get("workflow_run_id").asText();
        assertEquals(runId, j.get("task_id").asText());
        JsonNode d = j.get("data");
        assertEquals(List.of("id", "workflow_id", "status", "outputs", "error", "elapsed_time", "total_tokens",
                "total_steps", "created_at", "finished_at"), names(d));
        assertEquals(runId, d.get("id").asText());
        assertEquals("succeeded", d.get("status").asText());
        assertEquals("Hello Ada", d.get("outputs").get("greeting").asText());
        assertTrue(d.get("error").isNull());
        assertEquals(3, d.get("total_steps").asInt());
        assertTrue(d.get("elapsed_time").isNumber());
        assertTrue(d.get("finished_at").asLong() >= d.get("created_at").asLong());

        Http.Response detail = http.get("/v1/workflows/run/" + runId, greeterKey);
        assertEquals(200, detail.status(), detail.raw().body());
        assertEquals("succeeded", detail.json().get("status").asText());
        assertEquals(d.get("workflow_id").asText(), detail.json().get("workflow_id").asText());
        assertEquals("Ada", Http.JSON.readTree(detail.json().get("inputs").asText()).get("name").asText(),
                "inputs is a JSON string, as in Dify");
        assertEquals("Hello Ada", detail.json().get("outputs").get("greeting").asText());
        assertError(http.get("/v1/workflows/run/nope", greeterKey), 404, "not_found");
    }

    @Test
    @Order(4)
    void aStreamingRunSendsEveryEventInOrderWithoutAnAcceptHeader() throws Exception {
        HttpResponse<InputStream> res = stream(greeterKey,
                Map.of("inputs", Map.of("name", "Bo"), "user", "u2", "response_mode", "streaming"));
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no-cache", res.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no", res.headers().firstValue("X-Accel-Buffering").orElse(null));
        List<Sse.Frame> frames;
        try (Sse sse = new Sse(res.body())) {
            frames = sse.rest();
        }
        List<String> events = frames.stream().map(Sse.Frame::name).toList();
        assertEquals("workflow_started", events.get(0), events.toString());
        assertEquals("workflow_finished", events.get(events.size() - 1), events.toString());
        assertEquals(3, events.stream().filter("node_started"::equals).count(), events.toString());
        assertEquals(3, events.stream().filter("node_finished"::equals).count(), events.toString());
        assertTrue(events.contains("text_chunk"), events.toString());

        String runId = frames.get(0).data().get("workflow_run_id").asText();
        for (Sse.Frame f : frames) {
            assertEquals(runId, f.data().get("workflow_run_id").asText());
            assertEquals(runId, f.data().get("task_id").asText());
        }
        JsonNode started = frames.get(0).data().get("data");
        assertEquals(runId, started.get("id").asText());
        assertEquals("Bo", started.get("inputs").get("name").asText());
        assertTrue(started.get("created_at").isIntegralNumber());
        assertNotNull(started.get("workflow_id").asText());

        JsonNode firstNode = frames.get(1).data().get("data");
        assertEquals("node_started", frames.get(1).name());
        for (String f : List.of("id", "node_id", "node_type", "title", "index", "predecessor_node_id", "inputs",
                "created_at", "extras", "iteration_id", "loop_id")) {
            assertTrue(firstNode.has(f), "node_started." + f);
        }
        assertEquals("start", firstNode.get("node_id").asText());
        assertEquals(1, firstNode.get("index").asInt());

        List<String> nodeOrder = new ArrayList<>();
        for (Sse.Frame f : frames) {
            if (f.name().equals("node_finished")) {
                JsonNode d = f.data().get("data");
                for (String field : List.of("id", "node_id", "node_type", "title", "index", "predecessor_node_id",
                        "inputs", "process_data", "outputs", "status", "error", "elapsed_time", "execution_metadata",
                        "created_at", "finished_at", "files")) {
                    assertTrue(d.has(field), "node_finished." + field + " in " + d);
                }
                assertEquals("succeeded", d.get("status").asText());
                nodeOrder.add(d.get("node_id").asText());
            }
            if (f.name().equals("text_chunk")) {
                assertTrue(f.data().get("data").has("text"));
                assertTrue(f.data().get("data").get("from_variable_selector").isArray());
            }
        }
        assertEquals(List.of("start", "greet", "end"), nodeOrder);

        JsonNode finished = frames.get(frames.size() - 1).data().get("data");
        assertEquals("succeeded", finished.get("status").asText());
        assertEquals("Hello Bo", finished.get("outputs").get("greeting").asText());
        assertEquals(3, finished.get("total_steps").asInt());
        for (String field : List.of("id", "workflow_id", "status", "outputs", "error", "elapsed_time", "total_tokens",
                "total_steps", "created_by", "created_at", "finished_at", "exceptions_count", "files")) {
            assertTrue(finished.has(field), "workflow_finished." + field);
        }
        assertEquals("succeeded", http.get("/v1/workflows/run/" + runId, greeterKey).json().get("status").asText());
    }

    @Test
    @Order(5)
    void badRequestsAre400InvalidParamNamingTheField() throws Exception {
        Http.Response noUser = run(greeterKey, Map.of("inputs", Map.of("name", "Ada")));
        assertError(noUser, 400, "invalid_param");
        assertEquals("Arg user must be provided.", noUser.json().get("message").asText());

        Http.Response missing = run(greeterKey, Map.of("inputs", Map.of(), "user", "u"));
        assertError(missing, 400, "invalid_param");
        assertTrue(missing.json().get("message").asText().contains("name is required"), missing.raw().body());

        Http.Response tooLong = run(greeterKey, Map.of("inputs", Map.of("name", "x".repeat(11)), "user", "u"));
        assertError(tooLong, 400, "invalid_param");
        assertTrue(tooLong.json().get("message").asText().contains("name"), tooLong.raw().body());

        Http.Response option = run(greeterKey, Map.of("inputs", Map.of("name", "A", "tone", "hot"), "user", "u"));
        assertError(option, 400, "invalid_param");
        assertTrue(option.json().get("message").asText().contains("tone"));

        Http.Response type = run(greeterKey, Map.of("inputs", Map.of("name", 42), "user", "u"));
        assertError(type, 400, "invalid_param");
        Http.Response number = run(greeterKey, Map.of("inputs", Map.of("name", "A", "times", "many"), "user", "u"));
        assertError(number, 400, "invalid_param");
        assertTrue(number.json().get("message").asText().contains("times"));

        assertError(run(greeterKey, "{not json"), 400, "invalid_param");
        assertError(run(greeterKey, ""), 400, "invalid_param");
        assertError(run(greeterKey, "[1, 2]"), 400, "invalid_param");
        assertError(run(greeterKey, "{\"inputs\": \"x\", \"user\": \"u\"}"), 400, "invalid_param");
        assertError(run(greeterKey, "{\"inputs\": {}, \"user\": 5}"), 400, "invalid_param");
        assertError(run(greeterKey, Map.of("inputs", Map.of("name", "A"), "user", "u", "response_mode", "fast")),
                400, "invalid_param");
        assertError(run(greeterKey, "{\"inputs\": {\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}, \"user\": \"u\"}"),
                400, "invalid_param");
    }

    @Test
    @Order(6)
    void onlyActiveAppKeysPass() throws Exception {
        Http.Response none = run(null, Map.of("inputs", Map.of(), "user", "u"));
        assertError(none, 401, "unauthorized");
        assertEquals("Bearer realm=\"api\"", none.header("WWW-Authenticate"));
        assertError(run("dataset-" + "x".repeat(40), Map.of("inputs", Map.of(), "user", "u")), 401, "unauthorized");
        assertError(run(admin, Map.of("inputs", Map.of(), "user", "u")), 401, "unauthorized");
        assertError(run("Basic abc", Map.of("inputs", Map.of(), "user", "u")), 401, "unauthorized");

        Http.Response issued = http.post("/admin/v1/apps/" + greeterId + "/api-keys", admin, null, new byte[0]);
        String key = issued.json().get("token").asText();
        assertEquals(200, run(key, Map.of("inputs", Map.of("name", "K"), "user", "u")).status());
        Http.Response revoked = http.delete("/admin/v1/apps/" + greeterId + "/api-keys/" + issued.json().get("id").asText(), admin);
        assertEquals(200, revoked.status(), revoked.raw().body());
        assertError(run(key, Map.of("inputs", Map.of("name", "K"), "user", "u")), 401, "unauthorized");
        assertError(http.delete("/admin/v1/apps/" + greeterId + "/api-keys/" + issued.json().get("id").asText(), admin),
                404, "not_found");
    }

    @Test
    @Order(7)
    void aFailingNodeFailsTheRunOnHttp200() throws Exception {
        String key = app(resource("failing.yml"))[1];
        Http.Response blocking = run(key, Map.of("inputs", Map.of(), "user", "u"));
        assertEquals(200, blocking.status(), blocking.raw().body());
        assertEquals("failed", blocking.json().get("data").get("status").asText());
        assertTrue(!blocking.json().get("data").get("error").isNull());

        HttpResponse<InputStream> res = stream(key, Map.of("inputs", Map.of(), "user", "u", "response_mode", "streaming"));
        assertEquals(200, res.statusCode());
        List<Sse.Frame> frames;
        try (Sse sse = new Sse(res.body())) {
            frames = sse.rest();
        }
        Sse.Frame last = frames.get(frames.size() - 1);
        assertEquals("workflow_finished", last.name());
        assertEquals("failed", last.data().get("data").get("status").asText());
        Sse.Frame fetch = frames.stream().filter(f -> f.name().equals("node_finished")
                && f.data().get("data").get("node_id").asText().equals("fetch")).findFirst().orElseThrow();
        assertEquals("failed", fetch.data().get("data").get("status").asText());
        assertTrue(!fetch.data().get("data").get("error").isNull());
    }

    @Test
    @Order(8)
    void stopInterruptsTheRunningNode() throws Exception {
        Http.Response up = http.postMultipart("/admin/v1/plugins", admin, "file", "testkit.jar",
                Files.readAllBytes(DistributionE2EIT.TESTKIT));
        assertEquals(201, up.status(), up.raw().body());
        String key = app(resource("waiting.yml").replace("MILLIS", "60000"))[1];

        HttpResponse<InputStream> res = stream(key, Map.of("inputs", Map.of(), "user", "u", "response_mode", "streaming"));
        try (Sse sse = new Sse(res.body())) {
            String taskId = null;
            Sse.Frame f;
            while ((f = sse.next()) != null) {
                if (f.name().equals("workflow_started")) {
                    taskId = f.data().get("task_id").asText();
                }
                if (f.name().equals("node_started") && f.data().get("data").get("node_id").asText().equals("wait")) {
                    break;
                }
            }
            assertNotNull(taskId);
            // As Dify: a stop from a user who does not own the task is ignored, and still answered success
            Http.Response foreign = http.post("/v1/workflows/tasks/" + taskId + "/stop", key, "application/json",
                    "{\"user\": \"mallory\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, foreign.status(), foreign.raw().body());
            assertEquals("success", foreign.json().get("result").asText());
            assertEquals("running", http.get("/v1/workflows/run/" + taskId, key).json().get("status").asText());
            long t0 = System.nanoTime();
            Http.Response stop = http.post("/v1/workflows/tasks/" + taskId + "/stop", key, "application/json",
                    "{\"user\": \"u\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, stop.status(), stop.raw().body());
            assertEquals("success", stop.json().get("result").asText());
            List<Sse.Frame> rest = sse.rest();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Sse.Frame last = rest.get(rest.size() - 1);
            assertEquals("workflow_finished", last.name());
            assertEquals("stopped", last.data().get("data").get("status").asText());
            assertTrue(ms < 5000, "stopped in " + ms + " ms");
            assertEquals("stopped", http.get("/v1/workflows/run/" + taskId, key).json().get("status").asText());
        }
        Http.Response unknown = http.post("/v1/workflows/tasks/nope/stop", key, "application/json",
                "{\"user\": \"u\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, unknown.status());
        assertEquals("success", unknown.json().get("result").asText());
        assertError(http.post("/v1/workflows/tasks/nope/stop", key, "application/json", "{}".getBytes()), 400,
                "invalid_param");
    }

    @Test
    @Order(9)
    void aQuietStreamIsKeptAliveWithPings() throws Exception {
        String key = app(resource("waiting.yml").replace("MILLIS", "10500"))[1];
        HttpResponse<InputStream> res = stream(key, Map.of("inputs", Map.of(), "user", "u", "response_mode", "streaming"));
        List<String> seen = new ArrayList<>();
        try (Sse sse = new Sse(res.body())) {
            Sse.Frame f;
            while ((f = sse.next()) != null) {
                seen.add(f.name());
            }
        }
        int ping = seen.indexOf("ping");
        assertTrue(ping > seen.indexOf("node_started") && ping < seen.indexOf("workflow_finished"), seen.toString());
    }

    @Test
    @Order(9)
    void aRunGoesOnWhenTheClientDisconnects() throws Exception {
        String key = app(resource("waiting.yml").replace("MILLIS", "1500"))[1];
        HttpResponse<InputStream> res = stream(key, Map.of("inputs", Map.of(), "user", "u", "response_mode", "streaming"));
        String runId;
        try (Sse sse = new Sse(res.body())) {
            runId = sse.next().data().get("workflow_run_id").asText();
        }
        JsonNode detail = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            detail = http.get("/v1/workflows/run/" + runId, key).json();
            if (!detail.get("status").asText().equals("running")) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling a condition over HTTP
        }
        assertEquals("succeeded", detail.get("status").asText(), detail.toString());
        assertTrue(detail.get("outputs").get("waited").asLong() >= 1500);
    }

    @Test
    @Order(10)
    void concurrentRunsOfOneAppAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String name = "n" + i;
                calls.add(() -> run(greeterKey, Map.of("inputs", Map.of("name", name), "user", "c")));
            }
            int i = 0;
            for (Future<Http.Response> f : pool.invokeAll(calls)) {
                Http.Response r = f.get();
                assertEquals(200, r.status(), r.raw().body());
                assertEquals("Hello n" + i++, r.json().get("data").get("outputs").get("greeting").asText());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(10)
    void anIterationStreamsItsContainerEvents() throws Exception {
        String key = app(resource("iteration.yml"))[1];
        HttpResponse<InputStream> res = stream(key, Map.of("inputs", Map.of("data", Map.of("items", List.of("a", "b", "c"))),
                "user", "u", "response_mode", "streaming"));
        List<Sse.Frame> frames;
        try (Sse sse = new Sse(res.body())) {
            frames = sse.rest();
        }
        List<String> events = frames.stream().map(Sse.Frame::name).toList();
        int started = events.indexOf("iteration_started");
        int completed = events.indexOf("iteration_completed");
        assertTrue(started > 0 && completed > started, events.toString());
        assertEquals(3, events.stream().filter("iteration_next"::equals).count(), events.toString());
        assertTrue(events.lastIndexOf("iteration_next") < completed, events.toString());
        JsonNode done = frames.get(completed).data().get("data");
        assertEquals("it", done.get("node_id").asText());
        assertEquals("succeeded", done.get("status").asText());
        assertEquals(3, done.get("outputs").get("output").size(), done.toString());
        assertTrue(frames.stream().anyMatch(f -> f.name().equals("node_finished")
                && f.data().get("data").get("node_id").asText().equals("fmt")
                && f.data().get("data").get("iteration_id").asText().equals("it")), "passes name their iteration");
        Sse.Frame last = frames.get(frames.size() - 1);
        assertEquals("succeeded", last.data().get("data").get("status").asText(), last.data().toString());
    }

    @Test
    @Order(10)
    void aLoopNestedInAnIterationImportsPublishesAndRuns() throws Exception {
        String key = app(resource("loop-in-iteration.yml"))[1];
        Http.Response r = run(key, Map.of("inputs", Map.of("data", Map.of("items", List.of("a", "b"))), "user", "u"));
        assertEquals(200, r.status(), r.raw().body());
        JsonNode d = r.json().get("data");
        assertEquals("succeeded", d.get("status").asText(), d.toString());
        assertEquals(List.of("a:2", "b:2"), Http.JSON.convertValue(d.get("outputs").get("all"), List.class));
        Http.Response again = run(key, Map.of("inputs", Map.of("data", Map.of("items", List.of("c"))), "user", "u"));
        assertEquals(List.of("c:2"), Http.JSON.convertValue(again.json().get("data").get("outputs").get("all"),
                List.class), "a second run of the checked graph");
    }

    @Test
    @Order(11)
    void infoParametersAndLogsDescribeTheApp() throws Exception {
        Http.Response info = http.get("/v1/info", greeterKey);
        assertEquals(200, info.status(), info.raw().body());
        assertEquals("Greeter", info.json().get("name").asText());
        assertEquals("Says hello", info.json().get("description").asText());
        assertEquals("workflow", info.json().get("mode").asText());

        Http.Response params = http.get("/v1/parameters", greeterKey);
        assertEquals(200, params.status(), params.raw().body());
        JsonNode form = params.json().get("user_input_form");
        assertEquals(3, form.size());
        assertEquals("name", form.get(0).get("text-input").get("variable").asText());
        assertEquals(10, form.get(0).get("text-input").get("max_length").asInt());
        assertTrue(form.get(0).get("text-input").get("required").asBoolean());
        assertEquals("cold", form.get(1).get("select").get("options").get(1).asText());
        assertTrue(params.json().get("system_parameters").has("file_size_limit"));

        Http.Response all = http.get("/v1/workflows/logs?limit=5", greeterKey);
        assertEquals(200, all.status(), all.raw().body());
        assertEquals(1, all.json().get("page").asInt());
        assertEquals(5, all.json().get("limit").asInt());
        assertTrue(all.json().get("total").asInt() >= 50, all.raw().body());
        assertTrue(all.json().get("has_more").asBoolean());
        assertEquals(5, all.json().get("data").size());
        JsonNode item = all.json().get("data").get(0);
        assertEquals("succeeded", item.get("workflow_run").get("status").asText());
        assertEquals("c", item.get("created_by_end_user").get("session_id").asText());

        Http.Response byKeyword = http.get("/v1/workflows/logs?keyword=Hello%20Bo", greeterKey);
        assertEquals(1, byKeyword.json().get("total").asInt(), byKeyword.raw().body());
        assertEquals(0, http.get("/v1/workflows/logs?status=failed", greeterKey).json().get("total").asInt());
        assertEquals(0, http.get("/v1/workflows/logs?created_at__before=2000-01-01T00:00:00Z", greeterKey)
                .json().get("total").asInt());
        assertError(http.get("/v1/workflows/logs?limit=101", greeterKey), 400, "invalid_param");
        assertError(http.get("/v1/workflows/logs?page=0", greeterKey), 400, "invalid_param");
        assertError(http.get("/v1/workflows/logs?status=odd", greeterKey), 400, "invalid_param");
        assertError(http.get("/v1/workflows/logs?created_at__after=yesterday", greeterKey), 400, "invalid_param");
        assertError(http.get("/v1/info", null), 401, "unauthorized");
    }

    @Test
    @Order(13)
    void aRunInterruptedByACrashIsFailedOnRestart() throws Exception {
        String key = app(resource("waiting.yml").replace("MILLIS", "120000"))[1];
        HttpResponse<InputStream> res = stream(key, Map.of("inputs", Map.of(), "user", "u", "response_mode", "streaming"));
        String runId;
        try (Sse sse = new Sse(res.body())) {
            runId = sse.next().data().get("workflow_run_id").asText();
            // The embedded H2 writes each commit to its file at once (WRITE_DELAY=0): nothing acknowledged is
            // lost to a kill.
            dist.kill();
        }
        dist.start();
        JsonNode detail = http.get("/v1/workflows/run/" + runId, key).json();
        assertEquals("failed", detail.get("status").asText(), detail.toString());
        assertEquals("the server stopped while the run was in progress", detail.get("error").asText());
        assertTrue(!detail.get("finished_at").isNull());
    }

    /** A multipart body with the given parts: {name, filename or null, content}. */
    Http.Response upload(String key, String[]... parts) throws Exception {
        String boundary = "----tributary" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] p : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p[2].getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.post("/v1/files/upload", key, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    @Test
    @Order(2)
    void theDemoAppIsProvisionedOnFirstStartAndItsKeyPrintedOnce() throws Exception {
        Path keyFile = dist.dataDir().resolve("demo-app.key");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(keyFile) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(keyFile), "demo-app.key was not written:\n" + dist.log());
        demoKey = Files.readString(keyFile).trim();
        assertTrue(demoKey.startsWith("app-"), demoKey);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!dist.log().contains(demoKey) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String log = dist.log();
        assertEquals(1, log.split(java.util.regex.Pattern.quote(demoKey), -1).length - 1, "key printed once:\n" + log);

        // What the README's curl command sends.
        Http.Response r = run(demoKey, "{\"inputs\": {\"name\": \"Ada\"}, \"user\": \"me\"}");
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("Hello Ada, welcome to Tributary!", r.json().get("data").get("outputs").get("greeting").asText());

        // The demo knowledge base: made from the built-in template, its sample document ingested (high quality,
        // offline embeddings), so semantic retrieval answers with its key at once.
        Path datasetKeyFile = dist.dataDir().resolve("demo-dataset.key");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(datasetKeyFile) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(datasetKeyFile), "demo-dataset.key was not written:\n" + dist.log());
        String datasetKey = Files.readString(datasetKeyFile).trim();
        assertTrue(datasetKey.startsWith("dataset-"), datasetKey);
        Http.Response list = http.get("/v1/datasets", datasetKey);
        assertEquals(200, list.status(), list.raw().body());
        String datasetId = list.json().get("data").get(0).get("id").asText();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String status = "";
        while (System.nanoTime() < deadline) {
            Http.Response docs = http.get("/v1/datasets/" + datasetId + "/documents", datasetKey);
            assertEquals(200, docs.status(), docs.raw().body());
            status = docs.json().get("data").size() == 0 ? ""
                    : docs.json().get("data").get(0).get("indexing_status").asText();
            if (status.equals("completed") || status.equals("error")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("completed", status, dist.log());
        Http.Response found = http.post("/v1/datasets/" + datasetId + "/retrieve", datasetKey, "application/json",
                ("{\"query\":\"Does semantic search need an external service?\",\"retrieval_model\":{\"search_method\":"
                        + "\"semantic_search\",\"reranking_enable\":false,\"top_k\":1,\"score_threshold_enabled\":false}}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found.raw().body());
        assertTrue(found.json().get("records").get(0).get("segment").get("content").asText()
                .contains("sentence-embedding model"), found.raw().body());
    }

    @Test
    @Order(12)
    void uploadsAnswer201WithDifyFieldsAndRefuseBadFiles() throws Exception {
        Http.Response r = upload(greeterKey, new String[] {"file", "notes.md", "# Notes\nhello"},
                new String[] {"user", null, "u-up"});
        assertEquals(201, r.status(), r.raw().body());
        JsonNode j = r.json();
        assertEquals(List.of("id", "name", "size", "extension", "mime_type", "created_by", "created_at", "preview_url",
                "source_url", "original_url", "reference", "user_id", "tenant_id", "conversation_id", "file_key"), names(j));
        assertEquals("notes.md", j.get("name").asText());
        assertEquals(13, j.get("size").asInt());
        assertEquals("md", j.get("extension").asText());
        assertEquals("text/markdown", j.get("mime_type").asText());
        assertEquals("u-up", j.get("created_by").asText());
        assertEquals("u-up", j.get("user_id").asText());
        assertEquals(j.get("id").asText(), j.get("reference").asText());
        assertTrue(Math.abs(j.get("created_at").asLong() - System.currentTimeMillis() / 1000) < 300);
        assertTrue(j.get("tenant_id").isNull());

        // Exactly the limit passes; one byte more is 413 (enforced by the parser and the store while streaming).
        assertEquals(201, upload(greeterKey, new String[] {"file", "max.txt", "x".repeat((int) UPLOAD_LIMIT)}).status());
        assertError(upload(greeterKey, new String[] {"file", "big.txt", "x".repeat((int) UPLOAD_LIMIT + 1)}),
                413, "file_too_large");
        assertError(upload(greeterKey, new String[] {"file", "huge.txt", "x".repeat((int) UPLOAD_LIMIT * 3)}),
                413, "file_too_large");
        assertError(upload(greeterKey, new String[] {"file", "tool.exe", "MZ"}), 415, "unsupported_file_type");
        assertError(upload(greeterKey, new String[] {"file", "script.sh", "#!/bin/sh"}), 415, "unsupported_file_type");
        assertError(upload(greeterKey, new String[] {"user", null, "u"}), 400, "no_file_uploaded");
        assertError(upload(greeterKey, new String[] {"file", "a.txt", "a"}, new String[] {"file", "b.txt", "b"}),
                400, "too_many_files");
        assertError(upload(greeterKey, new String[] {"file", null, "no name"}), 400, "filename_not_exists_error");
        assertError(upload(greeterKey, new String[] {"file", "../etc/passwd.txt", "x"}), 400, "invalid_param");
        assertError(upload(greeterKey, new String[] {"file", "a\\\\b.txt", "x"}), 400, "invalid_param");
        assertError(http.post("/v1/files/upload", greeterKey, "application/json", "{}".getBytes()), 400, "no_file_uploaded");
        assertError(upload("app-nope", new String[] {"file", "a.txt", "a"}), 401, "unauthorized");
    }

    @Test
    @Order(12)
    void anUploadBelongsToTheAppWhoseKeyMadeIt() throws Exception {
        String filesKey = app(resource("files.yml"))[1];
        String foreign = upload(greeterKey, new String[] {"file", "report.txt", "another app's"}).json().get("id").asText();
        for (String id : List.of(foreign, UUID.randomUUID().toString())) {
            Http.Response r = run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                    Map.of("type", "document", "transfer_method", "local_file", "upload_file_id", id))));
            assertError(r, 400, "invalid_param");
            assertEquals("doc: Invalid upload file id " + id, r.json().get("message").asText());
        }
    }

    @Test
    @Order(12)
    void localAndRemoteFilesReachTheStartNodeAndSysFiles() throws Exception {
        String filesKey = app(resource("files.yml"))[1];
        String uploadId = upload(filesKey, new String[] {"file", "report.txt", "quarterly report"})
                .json().get("id").asText();
        String pngId = upload(filesKey, new String[] {"file", "pic.png", "not really a png"}).json().get("id").asText();
        String remoteUrl = "http://127.0.0.1:" + remote.getAddress().getPort() + "/docs/annual%20report.pdf";

        Map<String, Object> body = Map.of("user", "uf",
                "inputs", Map.of("doc", Map.of("type", "document", "transfer_method", "local_file", "upload_file_id", uploadId),
                        "pics", List.of(Map.of("type", "image", "transfer_method", "local_file", "upload_file_id", pngId))),
                "files", List.of(Map.of("type", "document", "transfer_method", "remote_url", "url", remoteUrl)));
        Http.Response r = run(filesKey, body);
        assertEquals(200, r.status(), r.raw().body());
        JsonNode out = r.json().get("data").get("outputs");
        JsonNode doc = out.get("doc");
        assertEquals(List.of("dify_model_identity", "id", "type", "transfer_method", "remote_url", "related_id", "filename",
                "extension", "mime_type", "size", "url"), names(doc));
        assertEquals("__dify__file__", doc.get("dify_model_identity").asText());
        assertEquals("local_file", doc.get("transfer_method").asText());
        assertEquals(uploadId, doc.get("related_id").asText());
        assertEquals("report.txt", doc.get("filename").asText());
        assertEquals(".txt", doc.get("extension").asText());
        assertEquals("text/plain", doc.get("mime_type").asText());
        assertEquals(16, doc.get("size").asInt());
        assertEquals("image", out.get("pics").get(0).get("type").asText());
        JsonNode remoteFile = out.get("files").get(0);
        assertEquals("remote_url", remoteFile.get("transfer_method").asText());
        assertEquals(remoteUrl, remoteFile.get("remote_url").asText());
        assertEquals(remoteUrl, remoteFile.get("url").asText());
        assertEquals("annual report.pdf", remoteFile.get("filename").asText());
        assertEquals(".pdf", remoteFile.get("extension").asText());
        assertTrue(remoteFile.get("related_id").isNull());

        // A remote_url document as the start variable, streamed: workflow_finished lists the files.
        HttpResponse<InputStream> res = stream(filesKey, Map.of("user", "uf", "response_mode", "streaming",
                "inputs", Map.of("doc", Map.of("type", "document", "transfer_method", "remote_url", "url", remoteUrl))));
        List<Sse.Frame> frames;
        try (Sse sse = new Sse(res.body())) {
            frames = sse.rest();
        }
        JsonNode finished = frames.get(frames.size() - 1).data().get("data");
        assertEquals("succeeded", finished.get("status").asText(), finished.toString());
        assertEquals(1, finished.get("files").size(), finished.toString());
        assertEquals("remote_url", finished.get("files").get(0).get("transfer_method").asText());
        JsonNode startInputs = frames.stream().filter(f -> f.name().equals("workflow_started")).findFirst().orElseThrow()
                .data().get("data").get("inputs");
        assertEquals("__dify__file__", startInputs.get("doc").get("dify_model_identity").asText(), startInputs.toString());

        // Refusals: unknown upload, blocked or unresolvable host, a type or method the variable does not allow.
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                Map.of("type", "document", "transfer_method", "local_file", "upload_file_id", UUID.randomUUID().toString())))),
                400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                Map.of("type", "document", "transfer_method", "remote_url", "url", "http://169.254.169.254/latest/x.pdf")))),
                400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                Map.of("type", "document", "transfer_method", "remote_url", "url", "http://10.1.2.3/a.pdf")))),
                400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                Map.of("type", "document", "transfer_method", "remote_url", "url", "http://no-such-host.invalid/a.pdf")))),
                400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc", Map.of("transfer_method", "local_file",
                "upload_file_id", uploadId), "pics", List.of(Map.of("type", "image", "transfer_method", "remote_url",
                "url", remoteUrl))))), 400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                Map.of("type", "image", "transfer_method", "local_file", "upload_file_id", pngId)))), 400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc",
                Map.of("type", "document", "transfer_method", "tool_file", "upload_file_id", uploadId)))), 400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of("doc", uploadId))), 400, "invalid_param");
        assertError(run(filesKey, Map.of("user", "uf", "inputs", Map.of(), "files", List.of(Map.of("type", "document",
                "transfer_method", "remote_url", "url", "http://169.254.169.254/a.pdf")))), 400, "invalid_param");
    }

    @Test
    @Order(12)
    void aPublishedVersionRunsByWorkflowId() throws Exception {
        Http.Response latest = run(greeterKey, Map.of("inputs", Map.of("name", "Ada"), "user", "u1"));
        String v1 = latest.json().get("data").get("workflow_id").asText();
        Http.Response v2 = http.post("/admin/v1/apps/" + greeterId + "/publish", admin, null, new byte[0]);
        assertEquals(201, v2.status(), v2.raw().body());
        assertEquals(v2.json().get("workflow_id").asText(),
                run(greeterKey, Map.of("inputs", Map.of("name", "Ada"), "user", "u1")).json().get("data").get("workflow_id").asText());

        Http.Response byId = http.post("/v1/workflows/" + v1 + "/run", greeterKey, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("inputs", Map.of("name", "Cy"), "user", "u1")));
        assertEquals(200, byId.status(), byId.raw().body());
        assertEquals(v1, byId.json().get("data").get("workflow_id").asText());
        assertEquals("Hello Cy", byId.json().get("data").get("outputs").get("greeting").asText());

        assertError(http.post("/v1/workflows/" + UUID.randomUUID() + "/run", greeterKey, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("inputs", Map.of("name", "Cy"), "user", "u1"))), 404, "not_found");
        assertError(http.post("/v1/workflows/draft/run", greeterKey, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("inputs", Map.of("name", "Cy"), "user", "u1"))), 400, "bad_request");
        // Another app's version is not this key's.
        String otherWorkflow = run(demoKey, Map.of("inputs", Map.of("name", "Di"), "user", "u"))
                .json().get("data").get("workflow_id").asText();
        assertError(http.post("/v1/workflows/" + otherWorkflow + "/run", greeterKey, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("inputs", Map.of("name", "Cy"), "user", "u1"))), 404, "not_found");
    }

    @Test
    @Order(14)
    void theDemoAppIsNotProvisionedAgainAfterARestart() throws Exception {
        // The crash test restarted the server; the demo key file is unchanged, nothing was printed, one demo app exists.
        Thread.sleep(1000);
        assertEquals(demoKey, Files.readString(dist.dataDir().resolve("demo-app.key")).trim());
        assertTrue(!dist.log().contains("Demo workflow app"), dist.log());
        JsonNode apps = http.get("/admin/v1/apps", admin).json();
        int demos = 0;
        for (JsonNode a : apps.isArray() ? apps : apps.get("data")) {
            if ("Demo greeter".equals(a.get("name").asText())) {
                demos++;
            }
        }
        assertEquals(1, demos, apps.toString());
        assertEquals(200, run(demoKey, Map.of("inputs", Map.of("name", "Ed"), "user", "u")).status());
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

}
