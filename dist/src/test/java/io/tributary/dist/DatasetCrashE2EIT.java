package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #5 "Reliability": a 100-document published run, the process killed (SIGKILL, no shutdown hooks) in the
 * middle of the batch, the distribution started again. Every document must end {@code completed} or {@code error}
 * (queued items resume), no document may have duplicate segments, and the index must hold exactly the store's
 * segments ({@code GET /admin/v1/datasets/{id}/index-check}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetCrashE2EIT {
    static final int DOCUMENTS = 100;

    Distribution dist;
    Http http;
    String admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dist = new Distribution(dir);
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

    /** About 100 KB of text: paragraphs that make many segments, with the document's number in each. */
    static byte[] document(int n) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; sb.length() < 100_000; p++) {
            sb.append("Document ").append(n).append(", paragraph ").append(p)
                    .append(": the river keeper counts the boats that pass the old mill before nightfall.\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKilledServerFinishesTheBatchAfterARestartWithoutDuplicates() throws Exception {
        Http.Response created = http.post("/admin/v1/datasets", admin, "application/yaml",
                DatasetApiE2EIT.resource("/pipelines/economy.yml").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.raw().body());
        String datasetId = created.json().get("id").asText();
        assertEquals(201, http.post("/admin/v1/datasets/" + datasetId + "/publish", admin, null, new byte[0]).status());
        String key = http.post("/admin/v1/dataset-api-keys", admin, null, new byte[0]).json().get("token").asText();

        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Multipart m = new Multipart().file("file", "doc-" + i + ".txt", "text/plain", document(i));
            Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
            assertEquals(201, up.status(), up.raw().body());
            items.add(Map.of("reference", up.json().get("id").asText(), "name", "doc-" + i + ".txt"));
        }
        Map<String, Object> body = new LinkedHashMap<>(DatasetApiE2EIT.runBody(true, "blocking", items));
        Http.Response run = http.post("/v1/datasets/" + datasetId + "/pipeline/run", key, "application/json",
                Http.JSON.writeValueAsBytes(body));
        assertEquals(200, run.status(), run.raw().body());
        String batch = run.json().get("batch").asText();
        assertEquals(DOCUMENTS, run.json().get("documents").size());

        // Kill as soon as work is under way: the first document finished, most are still queued or running.
        int doneAtKill = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (doneAtKill == 0 && System.nanoTime() < deadline) {
            doneAtKill = finished(http.get("/v1/datasets/" + datasetId + "/documents/" + batch + "/indexing-status",
                    key).json());
            if (doneAtKill == 0) {
                Thread.sleep(50);
            }
        }
        dist.kill();
        System.out.println("killed with " + doneAtKill + " of " + DOCUMENTS + " documents finished");
        assertTrue(doneAtKill > 0, "no document finished within 3 minutes");
        assertTrue(doneAtKill < DOCUMENTS, "the batch finished before the kill; the test proves nothing");

        long t0 = System.nanoTime();
        dist.start();
        JsonNode status = DatasetApiE2EIT.awaitBatch(http, key, datasetId, batch, Duration.ofMinutes(10));
        System.out.println("batch finished " + Duration.ofNanos(System.nanoTime() - t0).toMillis()
                + " ms after the restart");
        assertEquals(DOCUMENTS, status.get("data").size());
        int completed = 0;
        for (JsonNode d : status.get("data")) {
            String s = d.get("indexing_status").asText();
            assertTrue(s.equals("completed") || s.equals("error"), d.toString());
            if (s.equals("completed")) {
                completed++;
            }
            String docId = d.get("id").asText();
            Http.Response segs = http.get("/v1/datasets/" + datasetId + "/documents/" + docId + "/segments?limit=100",
                    key);
            assertEquals(200, segs.status(), segs.raw().body());
            long total = segs.json().get("total").asLong();
            Set<Integer> positions = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (int page = 1; ; page++) {
                JsonNode p = http.get("/v1/datasets/" + datasetId + "/documents/" + docId + "/segments?limit=100&page="
                        + page, key).json();
                for (JsonNode s2 : p.get("data")) {
                    assertTrue(positions.add(s2.get("position").asInt()), "duplicate position in " + docId);
                    assertTrue(ids.add(s2.get("id").asText()), "duplicate segment in " + docId);
                }
                if (!p.get("has_more").asBoolean()) {
                    break;
                }
            }
            assertEquals(total, positions.size(), docId);
            if (s.equals("completed")) {
                assertTrue(total > 0, docId);
                for (int i = 1; i <= total; i++) {
                    assertTrue(positions.contains(i), "positions 1.." + total + " of " + docId + ": " + positions);
                }
                assertEquals(total, d.get("total_segments").asLong());
            }
        }
        System.out.println(completed + " completed, " + (DOCUMENTS - completed) + " error");
        assertEquals(DOCUMENTS, completed, "plain text documents do not fail: " + status);

        JsonNode check = http.get("/admin/v1/datasets/" + datasetId + "/index-check", admin).json();
        assertTrue(check.get("consistent").asBoolean(), check.toString());
        assertEquals(check.get("store_segments").asInt(), check.get("index_segments").asInt(), check.toString());
    }

    static int finished(JsonNode status) {
        int n = 0;
        for (JsonNode d : status.get("data")) {
            String s = d.get("indexing_status").asText();
            if (s.equals("completed") || s.equals("error")) {
                n++;
            }
        }
        return n;
    }
}
