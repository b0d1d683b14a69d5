package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * The knowledge API over real HTTP against the started distribution: a {@code rag_pipeline} imported and published
 * through the admin API, uploads of several file types, a published run polled to completion, segments, retrieval
 * finding a known sentence, a draft run streamed with the knowledge-index preview, the datasource nodes, and every
 * error path (auth, uploads, run bodies, unknown ids, a document whose file does not exist).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetApiE2EIT {
    static final String START = "1752000000001";
    static final long UPLOAD_LIMIT = 1024 * 1024;

    Distribution dist;
    Http http;
    String admin;
    String datasetId;
    String key;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Document ids of the first published batch by file name. */
    final Map<String, String> documents = new HashMap<>();

    /** Each file of the first batch: name, content type, content with its known sentence. */
    record Sample(String name, String type, String sentence, byte[] content) {
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dist = new Distribution(dir);
        dist.env.put("TRIBUTARY_HTTP_UPLOAD_MAX_BYTES", Long.toString(UPLOAD_LIMIT));
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
    }

    static String resource(String path) throws Exception {
        try (InputStream in = DatasetApiE2EIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertError(Http.Response r, int status, String code) {
        assertEquals(status, r.status(), r.raw().body());
        assertNotNull(r.json(), r.raw().body());
        assertEquals(code, r.json().get("code").asText(), r.raw().body());
        assertEquals(status, r.json().get("status").asInt(), r.raw().body());
    }

    Http.Response postJson(String path, String token, Object body) throws Exception {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Http.JSON.writeValueAsBytes(body);
        return http.post(path, token, "application/json", bytes);
    }

    Http.Response upload(Multipart m) throws Exception {
        return http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
    }

    String uploadFile(String name, String type, byte[] content) throws Exception {
        Http.Response r = upload(new Multipart().file("file", name, type, content));
        assertEquals(201, r.status(), r.raw().body());
        return r.json().get("id").asText();
    }

    static Map<String, Object> runBody(boolean published, String mode, List<Map<String, Object>> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", Map.of());
        m.put("datasource_type", "local_file");
        m.put("datasource_info_list", items);
        m.put("start_node_id", START);
        m.put("is_published", published);
        m.put("response_mode", mode);
        return m;
    }

    /** Polls a batch's indexing status until every document is completed or error; returns the last answer. */
    static JsonNode awaitBatch(Http http, String key, String datasetId, String batch, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Http.Response r = http.get("/v1/datasets/" + datasetId + "/documents/" + batch + "/indexing-status", key);
            assertEquals(200, r.status(), r.raw().body());
            boolean done = true;
            for (JsonNode d : r.json().get("data")) {
                String s = d.get("indexing_status").asText();
                done &= s.equals("completed") || s.equals("error");
            }
            if (done) {
                return r.json();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("batch " + batch + " not finished after " + timeout + ": " + r.raw().body());
            }
            Thread.sleep(200); // polling an HTTP API, as a Dify client does
        }
    }

    static List<Sample> samples() {
        List<Sample> s = new ArrayList<>();
        String filler = "Rivers carry sediment from the mountains to the sea over many thousands of years. ";
        s.add(new Sample("notes.txt", "text/plain", "The heron Quillfeather guards the copper lighthouse at dawn.",
                (filler.repeat(6) + "\n\nThe heron Quillfeather guards the copper lighthouse at dawn.\n\n"
                        + filler.repeat(6)).getBytes(StandardCharsets.UTF_8)));
        s.add(new Sample("guide.md", "text/markdown", "Zanzibarian marmalade ferments inside basalt jars.",
                ("# Guide\n\n" + filler.repeat(3) + "\n\n## Pantry\n\nZanzibarian marmalade ferments inside basalt jars.\n")
                        .getBytes(StandardCharsets.UTF_8)));
        s.add(new Sample("page.html", "text/html", "Thirteen orbiting teapots circle the violet moon.",
                ("<html><head><title>Page</title></head><body><h1>Sky</h1><p>" + filler
                        + "</p><p>Thirteen orbiting teapots circle the violet moon.</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8)));
        s.add(new Sample("table.csv", "text/csv", "Pomegranate accordion",
                "fruit,instrument\nPomegranate,accordion\nQuince,harpsichord\n".getBytes(StandardCharsets.UTF_8)));
        s.add(new Sample("data.json", "application/json", "xylophonist glacier",
                "{\"role\": \"xylophonist\", \"home\": \"glacier\", \"note\": \"plays at noon\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        // binary formats, written by the test with POI and PDFBox, extracted by Tika inside the distribution
        s.add(new Sample("report.pdf", "application/pdf", "Saffron zeppelins hover above Lake Ontario.",
                BinarySamples.pdf("Saffron zeppelins hover above Lake Ontario.")));
        s.add(new Sample("memo.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Walrus librarians catalogue seashells alphabetically.",
                BinarySamples.docx("Walrus librarians catalogue seashells alphabetically.")));
        s.add(new Sample("sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Tangerine bulldozers hum lullabies", BinarySamples.xlsx("Tangerine bulldozers hum lullabies")));
        s.add(new Sample("old.xls", "application/vnd.ms-excel", "Obsidian kettles whistle sonatas",
                BinarySamples.xls("Obsidian kettles whistle sonatas")));
        s.add(new Sample("deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "Velvet hedgehogs juggle lanterns at midnight.",
                BinarySamples.pptx("Velvet hedgehogs juggle lanterns at midnight.")));
        s.add(new Sample("config.yaml", "application/x-yaml", "cartographer porcupine",
                "owner: cartographer\npet: porcupine\n".getBytes(StandardCharsets.UTF_8)));
        s.add(new Sample("talk.vtt", "text/vtt", "Marzipan submarines explore coral canyons.",
                ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ada>Marzipan submarines explore coral canyons.\n")
                        .getBytes(StandardCharsets.UTF_8)));
        s.add(new Sample("mail.eml", "message/rfc822", "Cobalt flamingos rehearse operettas.",
                ("From: Ada <ada@example.com>\r\nTo: Bo <bo@example.com>\r\nSubject: News\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "Cobalt flamingos rehearse operettas.\r\n").getBytes(StandardCharsets.UTF_8)));
        return s;
    }

    @Test
    @Order(1)
    void theAdminImportsAndPublishesAPipelineAndIssuesADatasetKey() throws Exception {
        Http.Response created = http.post("/admin/v1/datasets", admin, "application/yaml",
                resource("/pipelines/economy.yml").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.raw().body());
        datasetId = created.json().get("id").asText();
        assertEquals("text_model", created.json().get("chunk_structure").asText());
        assertEquals("economy", created.json().get("indexing_technique").asText());
        assertEquals("rag_pipeline", created.json().get("runtime_mode").asText());
        assertFalse(created.json().get("is_published").asBoolean());

        Http.Response published = http.post("/admin/v1/datasets/" + datasetId + "/publish", admin, null, new byte[0]);
        assertEquals(201, published.status(), published.raw().body());
        assertEquals(1, published.json().get("version").asInt());

        Http.Response issued = http.post("/admin/v1/dataset-api-keys", admin, null, new byte[0]);
        assertEquals(201, issued.status(), issued.raw().body());
        key = issued.json().get("token").asText();
        assertTrue(key.startsWith("dataset-"), key);

        Http.Response listed = http.get("/admin/v1/dataset-api-keys", admin);
        assertEquals(200, listed.status());
        assertFalse(listed.raw().body().contains(key), "a listing never shows a secret");
        assertTrue(listed.json().get("data").size() >= 1);

        Http.Response all = http.get("/admin/v1/datasets", admin);
        assertTrue(all.raw().body().contains(datasetId), all.raw().body());
        Http.Response one = http.get("/admin/v1/datasets/" + datasetId, admin);
        assertTrue(one.json().get("is_published").asBoolean(), one.raw().body());
        assertTrue(one.json().get("dsl").asText().contains("rag_pipeline"));

        Http.Response detail = http.get("/v1/datasets/" + datasetId, key);
        assertEquals(200, detail.status(), detail.raw().body());
        for (String f : List.of("document_count", "word_count", "chunk_structure", "indexing_technique",
                "retrieval_model_dict", "runtime_mode", "is_published")) {
            assertTrue(detail.json().has(f), f + " in " + detail.raw().body());
        }
        assertEquals("full_text_search", detail.json().get("retrieval_model_dict").get("search_method").asText());
    }

    @Test
    @Order(2)
    void anInvalidPipelineIsRefusedWithEveryProblem() throws Exception {
        byte[] broken = resource("/pipelines/broken.yml").getBytes(StandardCharsets.UTF_8);
        Http.Response r = http.post("/admin/v1/datasets", admin, "application/yaml", broken);
        assertError(r, 400, "invalid_dsl");
        assertTrue(r.json().get("problems").size() >= 2, r.raw().body());
        Multipart m = new Multipart().file("file", "b.yml", "application/yaml", broken);
        Http.Response multipart = http.post("/admin/v1/datasets", admin, m.contentType(), m.bytes());
        assertError(multipart, 400, "invalid_dsl");
        assertError(http.post("/admin/v1/datasets", admin, "application/yaml", new byte[0]), 400, "invalid_param");
        assertError(http.post("/admin/v1/datasets", null, "application/yaml", broken), 401, "unauthorized");
        assertError(http.post("/admin/v1/datasets/" + UUID.randomUUID() + "/publish", admin, null, new byte[0]), 404,
                "not_found");
    }

    @Test
    @Order(3)
    void onlyADatasetKeyOpensTheKnowledgeRoutes() throws Exception {
        String path = "/v1/datasets/" + datasetId;
        Http.Response missing = http.get(path, null);
        assertError(missing, 401, "unauthorized");
        assertEquals("Bearer realm=\"api\"", missing.header("WWW-Authenticate"));
        assertError(http.get(path, "Basic abc"), 401, "unauthorized");
        assertError(http.get(path, "dataset-not-a-real-key"), 401, "unauthorized");
        assertError(http.get(path, admin), 401, "unauthorized");

        Http.Response app = http.post("/admin/v1/apps", admin, "application/yaml",
                resource("/apps/greeter.yml").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, app.status(), app.raw().body());
        String appId = app.json().get("id").asText();
        Http.Response appKey = http.post("/admin/v1/apps/" + appId + "/api-keys", admin, null, new byte[0]);
        assertError(http.get(path, appKey.json().get("token").asText()), 401, "unauthorized");
        // ... and a dataset key does not open the app routes
        assertError(postJson("/v1/workflows/run", key, Map.of("inputs", Map.of(), "user", "u")), 401, "unauthorized");

        Http.Response unknown = http.get("/v1/datasets/" + UUID.randomUUID(), key);
        assertError(unknown, 404, "not_found");
        assertEquals("Dataset not found.", unknown.json().get("message").asText());

        Http.Response extra = http.post("/admin/v1/dataset-api-keys", admin, null, new byte[0]);
        String extraKey = extra.json().get("token").asText();
        assertEquals(200, http.get(path, extraKey).status());
        Http.Response revoked = http.delete("/admin/v1/dataset-api-keys/" + extra.json().get("id").asText(), admin);
        assertEquals(200, revoked.status(), revoked.raw().body());
        assertError(http.get(path, extraKey), 401, "unauthorized");
        assertError(http.delete("/admin/v1/dataset-api-keys/" + UUID.randomUUID(), admin), 404, "not_found");
    }

    @Test
    @Order(4)
    void uploadsFailAsDifysDo() throws Exception {
        byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
        assertError(http.post("/v1/datasets/pipeline/file-upload", key, "application/json", "{}".getBytes()), 400,
                "no_file_uploaded");
        assertError(upload(new Multipart().file("document", "a.txt", "text/plain", text)), 400, "no_file_uploaded");
        assertError(upload(new Multipart().file("file", "a.txt", "text/plain", text)
                .file("file", "b.txt", "text/plain", text)), 400, "too_many_files");
        assertError(upload(new Multipart().file("file", "", "text/plain", text)), 400, "filename_not_exists_error");
        assertError(upload(new Multipart().file("file", "tool.exe", "application/octet-stream", text)), 415,
                "unsupported_file_type");
        assertError(upload(new Multipart().file("file", "a.txt", null, text)), 415, "unsupported_file_type");
        byte[] big = new byte[(int) UPLOAD_LIMIT + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertError(upload(new Multipart().file("file", "big.txt", "text/plain", big)), 413, "file_too_large");
        assertError(http.post("/v1/datasets/pipeline/file-upload", null, "text/plain", text), 401, "unauthorized");
    }

    @Test
    @Order(5)
    void anUploadAnswersDifysFields() throws Exception {
        Http.Response r = upload(new Multipart().file("file", "C:\\docs\\hello.txt", "text/plain",
                "hello world".getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, r.status(), r.raw().body());
        JsonNode j = r.json();
        assertEquals(List.of("id", "name", "size", "extension", "mime_type", "created_by", "created_at"),
                iterable(j.fieldNames()));
        assertEquals("hello.txt", j.get("name").asText());
        assertEquals(11, j.get("size").asLong());
        assertEquals("txt", j.get("extension").asText());
        assertTrue(j.get("mime_type").asText().startsWith("text/plain"));
        OffsetDateTime.parse(j.get("created_at").asText()); // ISO 8601
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    @Order(10)
    void aPublishedRunIndexesEveryFileTypeAndRetrievalFindsItsSentences() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Sample s : samples()) {
            items.add(Map.of("reference", uploadFile(s.name(), s.type(), s.content()), "name", s.name()));
        }
        // As Dify: a published run answers the batch as JSON in streaming mode too.
        Http.Response r = postJson("/v1/datasets/" + datasetId + "/pipeline/run", key, runBody(true, "streaming", items));
        assertEquals(200, r.status(), r.raw().body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode batch = r.json();
        assertEquals(List.of("batch", "dataset", "documents"), iterable(batch.fieldNames()));
        String batchId = batch.get("batch").asText();
        assertTrue(batchId.matches("\\d{20}"), batchId);
        assertEquals(datasetId, batch.get("dataset").get("id").asText());
        assertEquals(items.size(), batch.get("documents").size());
        for (JsonNode d : batch.get("documents")) {
            assertEquals("local_file", d.get("data_source_type").asText());
            documents.put(d.get("name").asText(), d.get("id").asText());
        }

        JsonNode status = awaitBatch(http, key, datasetId, batchId, Duration.ofMinutes(3));
        for (JsonNode d : status.get("data")) {
            assertEquals("completed", d.get("indexing_status").asText(), status.toString());
            assertTrue(d.get("total_segments").asLong() >= 1, status.toString());
            assertEquals(d.get("total_segments").asLong(), d.get("completed_segments").asLong());
        }

        Http.Response docs = http.get("/v1/datasets/" + datasetId + "/documents?status=available&limit=100", key);
        assertEquals(200, docs.status(), docs.raw().body());
        assertTrue(docs.json().get("total").asLong() >= items.size(), docs.raw().body());
        for (JsonNode d : docs.json().get("data")) {
            assertEquals("available", d.get("display_status").asText());
        }
        Http.Response byName = http.get("/v1/datasets/" + datasetId + "/documents?keyword=guide", key);
        assertEquals(1, byName.json().get("total").asLong(), byName.raw().body());

        Http.Response segments = http.get("/v1/datasets/" + datasetId + "/documents/" + documents.get("notes.txt")
                + "/segments?limit=100", key);
        assertEquals(200, segments.status(), segments.raw().body());
        assertEquals("text_model", segments.json().get("doc_form").asText());
        JsonNode segs = segments.json().get("data");
        assertTrue(segs.size() >= 2, "a 1 KB text in 200-character chunks makes several segments: " + segments.raw().body());
        Set<Integer> positions = new HashSet<>();
        boolean found = false;
        for (JsonNode s : segs) {
            assertTrue(positions.add(s.get("position").asInt()), "duplicate position " + s);
            assertTrue(s.get("content").asText().length() <= 200, s.toString());
            found |= s.get("content").asText().contains("Quillfeather");
        }
        assertTrue(found, segments.raw().body());

        for (Sample s : samples()) {
            for (String route : List.of("retrieve", "hit-testing")) {
                Map<String, Object> model = Map.of("search_method", "full_text_search", "reranking_enable", false,
                        "top_k", 3, "score_threshold_enabled", false);
                Http.Response hits = postJson("/v1/datasets/" + datasetId + "/" + route, key,
                        Map.of("query", s.sentence(), "retrieval_model", model));
                assertEquals(200, hits.status(), hits.raw().body());
                assertEquals(s.sentence(), hits.json().get("query").get("content").asText());
                JsonNode top = hits.json().get("records").get(0);
                assertNotNull(top, s.name() + ": " + hits.raw().body());
                assertEquals(documents.get(s.name()), top.get("segment").get("document").get("id").asText(),
                        s.name() + ": " + hits.raw().body());
                assertEquals(s.name(), top.get("segment").get("document").get("name").asText());
                assertTrue(top.get("score").asDouble() > 0);
                assertTrue(top.has("tsne_position") && top.get("tsne_position").isNull());
                assertEquals(0, top.get("files").size());
            }
        }
        // Without retrieval_model the dataset's own (full text, top 3) applies.
        Http.Response hits = postJson("/v1/datasets/" + datasetId + "/retrieve", key,
                Map.of("query", "Quillfeather lighthouse"));
        assertEquals(200, hits.status(), hits.raw().body());
        assertTrue(hits.json().get("records").size() >= 1 && hits.json().get("records").size() <= 3, hits.raw().body());
        assertTrue(hits.json().get("records").get(0).get("segment").get("content").asText().contains("Quillfeather"));

        Http.Response detail = http.get("/v1/datasets/" + datasetId, key);
        assertTrue(detail.json().get("document_count").asLong() >= items.size(), detail.raw().body());
        assertTrue(detail.json().get("word_count").asLong() > 0, detail.raw().body());
    }

    @Test
    @Order(11)
    void anUnknownFileFailsOnlyItsOwnDocument() throws Exception {
        String good = uploadFile("good.txt", "text/plain",
                "A perfectly ordinary document about gardening.".getBytes(StandardCharsets.UTF_8));
        Http.Response r = postJson("/v1/datasets/" + datasetId + "/pipeline/run", key, runBody(true, "blocking", List.of(
                Map.of("reference", good, "name", "good.txt"),
                Map.of("reference", UUID.randomUUID().toString(), "name", "ghost.txt"))));
        assertEquals(200, r.status(), r.raw().body());
        JsonNode status = awaitBatch(http, key, datasetId, r.json().get("batch").asText(), Duration.ofMinutes(2));
        Map<String, JsonNode> byId = new HashMap<>();
        status.get("data").forEach(d -> byId.put(d.get("id").asText(), d));
        JsonNode goodDoc = byId.get(r.json().get("documents").get(0).get("id").asText());
        JsonNode ghost = byId.get(r.json().get("documents").get(1).get("id").asText());
        assertEquals("completed", goodDoc.get("indexing_status").asText(), status.toString());
        assertEquals("error", ghost.get("indexing_status").asText(), status.toString());
        assertTrue(ghost.get("error").asText().contains("File is not exist"), status.toString());
        Http.Response errors = http.get("/v1/datasets/" + datasetId + "/documents?status=error", key);
        assertTrue(errors.raw().body().contains("ghost.txt"), errors.raw().body());
    }

    HttpResponse<InputStream> stream(String path, Object body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(dist.baseUrl() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body))).build();
        return client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    @Order(12)
    void aDraftRunStreamsWorkflowEventsWithThePreviewAndWritesNothing() throws Exception {
        long before = http.get("/v1/datasets/" + datasetId + "/documents", key).json().get("total").asLong();
        String file = uploadFile("draft.txt", "text/plain", ("First paragraph about owls.\n\n"
                + "Second paragraph about ravens.").getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> res = stream("/v1/datasets/" + datasetId + "/pipeline/run",
                runBody(false, "streaming", List.of(Map.of("reference", file, "name", "draft.txt"))));
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Sse.Frame> frames;
        try (Sse sse = new Sse(res.body())) {
            frames = sse.rest();
        }
        List<String> names = frames.stream().map(Sse.Frame::name).toList();
        assertEquals("workflow_started", names.get(0), names.toString());
        assertEquals("workflow_finished", names.get(names.size() - 1), names.toString());
        List<String> nodeTypes = frames.stream().filter(f -> "node_finished".equals(f.name()))
                .map(f -> f.data().get("data").get("node_type").asText()).toList();
        assertEquals(List.of("datasource", "document-extractor", "tool", "knowledge-index"), nodeTypes);
        JsonNode index = frames.stream().filter(f -> "node_finished".equals(f.name())
                && "knowledge-index".equals(f.data().get("data").get("node_type").asText())).findFirst().orElseThrow()
                .data().get("data");
        assertEquals("succeeded", index.get("status").asText(), index.toString());
        JsonNode outputs = index.get("outputs");
        assertEquals("text_model", outputs.get("chunk_structure").asText(), outputs.toString());
        assertTrue(outputs.get("preview").size() >= 1, outputs.toString());
        assertTrue(outputs.get("preview").toString().contains("owls"), outputs.toString());
        assertTrue(outputs.get("total_segments").asInt() >= 1, outputs.toString());
        JsonNode finished = frames.get(frames.size() - 1).data();
        assertEquals("succeeded", finished.get("data").get("status").asText(), finished.toString());
        assertEquals(before, http.get("/v1/datasets/" + datasetId + "/documents", key).json().get("total").asLong(),
                "a draft run creates no document");

        Http.Response blocking = postJson("/v1/datasets/" + datasetId + "/pipeline/run", key,
                runBody(false, "blocking", List.of(Map.of("reference", file, "name", "draft.txt"))));
        assertEquals(200, blocking.status(), blocking.raw().body());
        assertEquals("succeeded", blocking.json().get("data").get("status").asText(), blocking.raw().body());
        assertNotNull(blocking.json().get("workflow_run_id"));
    }

    @Test
    @Order(13)
    void theDatasourceNodesAreListed() throws Exception {
        for (String q : List.of("", "?is_published=true", "?is_published=false")) {
            Http.Response r = http.get("/v1/datasets/" + datasetId + "/pipeline/datasource-plugins" + q, key);
            assertEquals(200, r.status(), r.raw().body());
            assertEquals(1, r.json().size(), r.raw().body());
            JsonNode p = r.json().get(0);
            assertEquals(START, p.get("node_id").asText());
            assertEquals("langgenius/file", p.get("plugin_id").asText());
            assertEquals("local_file", p.get("datasource_type").asText());
            assertTrue(p.get("user_input_variables").isArray());
            assertTrue(p.get("credentials").isArray());
        }
        assertError(http.get("/v1/datasets/" + datasetId + "/pipeline/datasource-plugins?is_published=maybe", key),
                400, "invalid_param");
        assertError(http.get("/v1/datasets/" + UUID.randomUUID() + "/pipeline/datasource-plugins", key), 404,
                "not_found");
    }

    @Test
    @Order(14)
    void aDatasourceNodeRunStreamsBareDataFrames() throws Exception {
        Map<String, Object> body = Map.of("inputs", Map.of(), "datasource_type", "local_file", "is_published", true);
        HttpResponse<InputStream> res = stream("/v1/datasets/" + datasetId + "/pipeline/datasource/nodes/" + START
                + "/run", body);
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        String raw = new String(res.body().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("data: {"), raw);
        assertTrue(raw.endsWith("\n\n"), raw);
        assertFalse(raw.contains("event:"), "no event lines, no ping: " + raw);
        // As Dify: a local_file node cannot be browsed; the failure is an event, not an HTTP error.
        JsonNode last = null;
        for (String frame : raw.split("\n\n")) {
            last = Http.JSON.readTree(frame.substring("data: ".length()));
            assertTrue(last.get("event").asText().startsWith("datasource_"), frame);
        }
        assertEquals("datasource_error", last.get("event").asText(), raw);
        assertFalse(last.get("error").asText().isBlank());

        HttpResponse<InputStream> unknownNode = stream("/v1/datasets/" + datasetId
                + "/pipeline/datasource/nodes/nope/run", body);
        String unknownRaw = new String(unknownNode.body().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(unknownRaw.contains("\"event\":\"datasource_error\""), unknownRaw);

        assertError(postJson("/v1/datasets/" + UUID.randomUUID() + "/pipeline/datasource/nodes/" + START + "/run", key,
                body), 404, "not_found");
        assertError(postJson("/v1/datasets/" + datasetId + "/pipeline/datasource/nodes/" + START + "/run", key,
                Map.of("inputs", Map.of(), "datasource_type", "local_file")), 400, "invalid_param");
    }

    @Test
    @Order(15)
    void badRunRequestsAreRefusedNamingTheField() throws Exception {
        String path = "/v1/datasets/" + datasetId + "/pipeline/run";
        String file = uploadFile("x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> items = List.of(Map.of("reference", file));
        for (String field : List.of("inputs", "datasource_type", "datasource_info_list", "start_node_id",
                "is_published", "response_mode")) {
            Map<String, Object> body = new HashMap<>(runBody(true, "blocking", items));
            body.remove(field);
            Http.Response r = postJson(path, key, body);
            assertError(r, 400, "invalid_param");
            assertTrue(r.json().get("message").asText().contains(field), r.raw().body());
        }
        Map<String, Object> body = new HashMap<>(runBody(true, "blocking", items));
        body.put("datasource_type", "ftp");
        assertError(postJson(path, key, body), 400, "invalid_param");
        body = new HashMap<>(runBody(true, "blocking", items));
        body.put("is_published", "yes");
        assertError(postJson(path, key, body), 400, "invalid_param");
        body = new HashMap<>(runBody(true, "blocking", items));
        body.put("start_node_id", "1752000000002"); // the extractor, not a datasource
        assertError(postJson(path, key, body), 400, "invalid_param");
        body = new HashMap<>(runBody(true, "blocking", List.of(Map.of("name", "no reference"))));
        assertError(postJson(path, key, body), 400, "invalid_param");
        assertError(postJson(path, key, "{not json"), 400, "invalid_param");
        assertError(postJson(path, key, "[1,2]"), 400, "invalid_param");
        assertError(http.post(path, key, "application/json", new byte[0]), 400, "invalid_param");
        byte[] huge = ("{\"inputs\":{\"x\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertError(http.post(path, key, "application/json", huge), 400, "invalid_param");
        assertError(postJson("/v1/datasets/" + UUID.randomUUID() + "/pipeline/run", key, runBody(true, "blocking",
                items)), 404, "not_found");
    }

    @Test
    @Order(16)
    void datasetsAreCreatedListedAndNamedUniquely() throws Exception {
        String name = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = postJson("/v1/datasets", key, Map.of("name", name, "description", "empty one",
                "indexing_technique", "economy"));
        assertEquals(200, created.status(), created.raw().body());
        assertEquals(name, created.json().get("name").asText());
        assertEquals(0, created.json().get("document_count").asLong());
        assertFalse(created.json().get("is_published").asBoolean());
        assertError(postJson("/v1/datasets", key, Map.of("name", name)), 409, "dataset_name_duplicate");
        assertError(postJson("/v1/datasets", key, Map.of("description", "no name")), 400, "invalid_param");
        assertError(postJson("/v1/datasets", key, Map.of("name", 12)), 400, "invalid_param");
        assertError(postJson("/v1/datasets", key, Map.of("name", "x".repeat(41))), 400, "invalid_param");
        assertError(postJson("/v1/datasets", key, Map.of("name", name + "-2", "indexing_technique", "fast")), 400,
                "invalid_param");

        Http.Response list = http.get("/v1/datasets?keyword=" + name + "&page=1&limit=5", key);
        assertEquals(200, list.status(), list.raw().body());
        assertEquals(1, list.json().get("total").asLong(), list.raw().body());
        for (String f : List.of("data", "has_more", "limit", "total", "page")) {
            assertTrue(list.json().has(f), f);
        }
        assertError(http.get("/v1/datasets?page=0", key), 400, "invalid_param");
        assertError(http.get("/v1/datasets?limit=abc", key), 400, "invalid_param");
        assertError(http.get("/v1/datasets?limit=101", key), 400, "invalid_param");

        // An empty dataset has no pipeline: its runs are refused by the pipeline service, not answered 500.
        Http.Response run = postJson("/v1/datasets/" + created.json().get("id").asText() + "/pipeline/run", key,
                runBody(true, "blocking", List.of(Map.of("reference", UUID.randomUUID().toString()))));
        assertTrue(run.status() >= 400 && run.status() < 500, run.raw().body());
    }

    @Test
    @Order(17)
    void documentAndRetrievalErrors() throws Exception {
        String base = "/v1/datasets/" + datasetId;
        assertError(http.get(base + "/documents?status=finished", key), 400, "invalid_param");
        assertError(http.get(base + "/documents/00000000000000000000/indexing-status", key), 404, "not_found");
        assertError(http.get(base + "/documents/" + UUID.randomUUID() + "/segments", key), 404, "not_found");
        assertError(http.delete(base + "/documents/" + UUID.randomUUID(), key), 404, "not_found");
        assertError(postJson(base + "/retrieve", key, Map.of()), 400, "invalid_param");
        assertError(postJson(base + "/retrieve", key, Map.of("query", "")), 400, "invalid_param");
        assertError(postJson(base + "/retrieve", key, Map.of("query", "x".repeat(251))), 400, "invalid_param");
        Http.Response bad = postJson(base + "/retrieve", key, Map.of("query", "owls", "retrieval_model",
                Map.of("search_method", "vector", "reranking_enable", false, "top_k", 2, "score_threshold_enabled", false)));
        assertError(bad, 400, "invalid_param");
        assertTrue(bad.json().get("message").asText().contains("search_method"), bad.raw().body());
        Http.Response topK = postJson(base + "/retrieve", key, Map.of("query", "owls", "retrieval_model",
                Map.of("search_method", "full_text_search", "reranking_enable", false, "top_k", "2",
                        "score_threshold_enabled", false)));
        assertError(topK, 400, "invalid_param");
        assertTrue(topK.json().get("message").asText().contains("top_k"), topK.raw().body());
        assertError(postJson("/v1/datasets/" + UUID.randomUUID() + "/retrieve", key, Map.of("query", "owls")), 404,
                "not_found");
    }

    @Test
    @Order(20)
    void deletingADocumentRemovesItFromTheIndex() throws Exception {
        String doc = documents.get("guide.md");
        String base = "/v1/datasets/" + datasetId;
        Http.Response deleted = http.delete(base + "/documents/" + doc, key);
        assertEquals(204, deleted.status(), deleted.raw().body());
        assertError(http.get(base + "/documents/" + doc + "/segments", key), 404, "not_found");
        Http.Response hits = postJson(base + "/retrieve", key, Map.of("query", "Zanzibarian marmalade basalt",
                "retrieval_model", Map.of("search_method", "full_text_search", "reranking_enable", false, "top_k", 5,
                        "score_threshold_enabled", false)));
        assertEquals(200, hits.status(), hits.raw().body());
        assertFalse(hits.raw().body().contains(doc), hits.raw().body());

        Http.Response check = http.get("/admin/v1/datasets/" + datasetId + "/index-check", admin);
        assertEquals(200, check.status(), check.raw().body());
        assertTrue(check.json().get("consistent").asBoolean(), check.raw().body());
        assertTrue(check.json().get("store_segments").asInt() > 0, check.raw().body());
    }

    @Test
    @Order(30)
    void theAdminDeletesADatasetWithItsIndex() throws Exception {
        Http.Response created = http.post("/admin/v1/datasets", admin, "application/yaml",
                resource("/pipelines/economy.yml").getBytes(StandardCharsets.UTF_8));
        String id = created.json().get("id").asText();
        assertEquals(204, http.delete("/admin/v1/datasets/" + id, admin).status());
        assertError(http.get("/admin/v1/datasets/" + id, admin), 404, "not_found");
        assertError(http.get("/v1/datasets/" + id, key), 404, "not_found");
    }
}
