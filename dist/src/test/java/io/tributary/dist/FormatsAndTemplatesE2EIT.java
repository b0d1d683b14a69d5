package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #11 "Formats": the pipeline file upload accepts what the installed extractor reads (the list comes from
 * the extractor plugin), and one small real file of each format beyond Office/PDF/HTML ingests through the
 * distribution and is found by retrieval. Anything else is 415 with the accepted extensions in the message; with
 * no OCR extractor installed, images are refused. Issue #11 "Dify's own pipeline templates": a pipeline with
 * variables of a node that is not in the graph and a datasource provider that is not installed imports with a
 * warning each (not a 400), and its run fails saying which provider is missing. Issue #11 "Progress": every
 * completed document has its stage timestamps, and a large one shows its stage while in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatsAndTemplatesE2EIT {
    Distribution dist;
    Http http;
    String admin;
    String datasetId;
    String key;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dist = new Distribution(dir);
        dist.start();
        http = new Http(dist.baseUrl());
        admin = Files.readString(dist.dataDir().resolve("admin.token")).trim();
        PublishedDataset dataset = PublishedDataset.create(http, admin, "/pipelines/economy.yml");
        datasetId = dataset.id();
        key = dataset.key();
    }

    @AfterAll
    void stop() throws Exception {
        if (dist != null) {
            dist.close();
        }
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                format("letter.odt", "application/vnd.oasis.opendocument.text", "odtheron", FormatSamples::odt),
                format("sheet.ods", "application/vnd.oasis.opendocument.spreadsheet", "odsheron", FormatSamples::ods),
                format("deck.odp", "application/vnd.oasis.opendocument.presentation", "odpheron", FormatSamples::odp),
                format("letter.rtf", "application/rtf", "rtfheron", FormatSamples::rtf),
                format("guide.rst", "text/x-rst", "rstheron", FormatSamples::rst),
                format("guide.adoc", "text/x-asciidoc", "adocheron", FormatSamples::asciidoc),
                format("table.tsv", "text/tab-separated-values", "tsvheron", FormatSamples::tsv),
                format("server.log", "text/plain", "logheron", FormatSamples::log),
                format("data.xml", "application/xml", "xmlheron", FormatSamples::xml),
                format("feed.jsonl", "application/octet-stream", "jsonlheron", FormatSamples::jsonl),
                format("page.mhtml", "multipart/related", "mhtmlheron", FormatSamples::mhtml));
    }

    private static Arguments format(String name, String type, String word, Function<String, byte[]> sample) {
        String sentence = "The quiet " + word + " waits beside the river at dawn";
        return Arguments.of(name, type, word, sentence, sample.apply(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void eachFormatIngestsAndIsRetrieved(String name, String type, String word, String sentence, byte[] content)
            throws Exception {
        Multipart m = new Multipart().file("file", name, type, content);
        Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
        assertEquals(201, up.status(), up.raw().body());
        Map<String, Object> body = new LinkedHashMap<>(DatasetApiE2EIT.runBody(true, "blocking",
                List.of(Map.of("reference", up.json().get("id").asText(), "name", name))));
        Http.Response run = http.post("/v1/datasets/" + datasetId + "/pipeline/run", key, "application/json",
                Http.JSON.writeValueAsBytes(body));
        assertEquals(200, run.status(), run.raw().body());
        JsonNode status = DatasetApiE2EIT.awaitBatch(http, key, datasetId, run.json().get("batch").asText(),
                Duration.ofMinutes(2));
        JsonNode doc = status.get("data").get(0);
        assertEquals("completed", doc.get("indexing_status").asText(), doc.toString());
        for (String stage : new String[] {"processing_started_at", "parsing_completed_at", "cleaning_completed_at",
                "splitting_completed_at", "completed_at"}) {
            assertTrue(doc.get(stage).isNumber(), stage + " not set: " + doc);
        }
        assertTrue(doc.get("parsing_completed_at").asLong() <= doc.get("splitting_completed_at").asLong(),
                doc.toString());
        Http.Response hits = http.post("/v1/datasets/" + datasetId + "/retrieve", key, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("query", word, "retrieval_model", Map.of("search_method",
                        "full_text_search", "reranking_enable", false, "top_k", 5, "score_threshold_enabled", false))));
        assertEquals(200, hits.status(), hits.raw().body());
        boolean found = false;
        for (JsonNode r : hits.json().get("records")) {
            JsonNode seg = r.get("segment");
            found |= seg.get("document_id").asText().equals(doc.get("id").asText())
                    && seg.get("content").asText().replaceAll("\\s+", " ").contains(sentence);
        }
        assertTrue(found, "'" + sentence + "' not retrieved from " + name + ": " + hits.raw().body());
    }

    @Test
    void anUnreadableTypeIs415AndTheMessageListsWhatIsAccepted() throws Exception {
        for (String name : new String[] {"photo.png", "tool.exe", "noextension"}) {
            Multipart m = new Multipart().file("file", name, "application/octet-stream", new byte[] {1, 2, 3});
            Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
            assertEquals(415, up.status(), up.raw().body());
            assertEquals("unsupported_file_type", up.json().get("code").asText());
            String message = up.json().get("message").asText();
            assertTrue(message.startsWith("File type not allowed. Accepted extensions: "), message);
            for (String e : new String[] {"odt", "ods", "odp", "rtf", "rst", "adoc", "tsv", "log", "xml", "jsonl",
                    "mhtml", "pdf", "docx"}) {
                assertTrue(message.contains(" " + e + ",") || message.contains(" " + e + "."), e + ": " + message);
            }
            assertTrue(!message.contains("png"), "images need an OCR extractor: " + message);
        }
    }

    @Test
    void whatDifyImportsImportsWithWarningsAndAMissingProviderFailsTheRun() throws Exception {
        String yaml = DatasetApiE2EIT.resource("/pipelines/economy.yml")
                .replace("plugin_id: langgenius/file\n", "plugin_id: acme/vault\n")
                .replace("provider_name: file\n", "provider_name: vault\n")
                .replace("  rag_pipeline_variables:\n", """
                          rag_pipeline_variables:
                          - {belong_to_node_id: '1751336942081', type: text-input, label: URL, variable: url}
                        """);
        Http.Response created = http.post("/admin/v1/datasets", admin, "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.raw().body());
        String missing = "datasource provider 'acme/vault/vault' (local_file) is not installed";
        List<String> warnings = new java.util.ArrayList<>();
        created.json().get("warnings").forEach(w -> warnings.add(w.asText()));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'url' belongs to node '1751336942081', which is not in the graph"),
                warnings.toString());
        assertTrue(warnings.get(1).contains(missing), warnings.toString());
        String id = created.json().get("id").asText();
        assertEquals(201, http.post("/admin/v1/datasets/" + id + "/publish", admin, null, new byte[0]).status());

        Multipart m = new Multipart().file("file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
        assertEquals(201, up.status(), up.raw().body());
        Http.Response run = http.post("/v1/datasets/" + id + "/pipeline/run", key, "application/json",
                Http.JSON.writeValueAsBytes(DatasetApiE2EIT.runBody(true, "blocking",
                        List.of(Map.of("reference", up.json().get("id").asText(), "name", "a.txt")))));
        assertEquals(200, run.status(), run.raw().body());
        JsonNode doc = DatasetApiE2EIT.awaitBatch(http, key, id, run.json().get("batch").asText(),
                Duration.ofMinutes(2)).get("data").get(0);
        assertEquals("error", doc.get("indexing_status").asText(), doc.toString());
        assertTrue(doc.get("error").asText().contains(missing), doc.toString());

        Http.Response clean = http.post("/admin/v1/datasets", admin, "application/yaml",
                DatasetApiE2EIT.resource("/pipelines/economy.yml").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, clean.json().get("warnings").size(), clean.raw().body());
    }

    @Test
    void aLargeDocumentShowsItsStageWhileInFlight() throws Exception {
        StringBuilder sb = new StringBuilder(12 << 20);
        String para = "Rivers carry sediment from the mountains to the sea over many thousands of years.\n\n";
        while (sb.length() < (12 << 20)) {
            sb.append(para);
        }
        Multipart m = new Multipart().file("file", "large.txt", "text/plain",
                sb.toString().getBytes(StandardCharsets.UTF_8));
        Http.Response up = http.post("/v1/datasets/pipeline/file-upload", key, m.contentType(), m.bytes());
        assertEquals(201, up.status(), up.raw().body());
        Http.Response run = http.post("/v1/datasets/" + datasetId + "/pipeline/run", key, "application/json",
                Http.JSON.writeValueAsBytes(DatasetApiE2EIT.runBody(true, "blocking",
                        List.of(Map.of("reference", up.json().get("id").asText(), "name", "large.txt")))));
        assertEquals(200, run.status(), run.raw().body());
        String path = "/v1/datasets/" + datasetId + "/documents/" + run.json().get("batch").asText()
                + "/indexing-status";
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        JsonNode doc;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        do {
            Http.Response r = http.get(path, key);
            assertEquals(200, r.status(), r.raw().body());
            doc = r.json().get("data").get(0);
            String status = doc.get("indexing_status").asText();
            seen.add(status);
            if (status.equals("splitting") || status.equals("indexing")) {
                assertTrue(doc.get("parsing_completed_at").isNumber(), "parsing ended before " + status + ": " + doc);
            }
            if (status.equals("indexing")) {
                assertTrue(doc.get("splitting_completed_at").isNumber(), doc.toString());
                assertTrue(doc.get("completed_at").isNull(), doc.toString());
            }
            assertTrue(System.nanoTime() < deadline, "not finished: " + doc);
        } while (!doc.get("indexing_status").asText().equals("completed")
                && !doc.get("indexing_status").asText().equals("error")); // polling an HTTP API, as a client does
        assertEquals("completed", doc.get("indexing_status").asText(), doc.toString());
        assertTrue(seen.stream().anyMatch(st -> List.of("parsing", "splitting", "indexing").contains(st)),
                "no stage seen in flight: " + seen);
        assertTrue(doc.get("splitting_completed_at").isNumber(), doc.toString());
    }
}
