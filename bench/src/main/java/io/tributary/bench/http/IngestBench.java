package io.tributary.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.bench.chunking.ChunkCorpus;

/**
 * End-to-end ingestion of issue #5 against the started distribution: {@code n} plain-text files of {@code kb} KB
 * (the chunk benchmark's deterministic English-like corpus) are uploaded, one published run of an economy pipeline
 * (local_file → document-extractor → general chunker at Dify's defaults → knowledge-index, Lucene BM25) takes them
 * all as one batch, and the batch is polled until every document has ended. Reports MB/s and documents/s from the
 * run request to the last document completed, and the server's CPU time.
 * Usage: {@code java -cp bench/target/benchmarks.jar io.tributary.bench.http.IngestBench <dist dir> [files, 200]
 * [KB per file, 100] [workers, 4]}.
 */
public final class IngestBench {
    private static final String START_NODE = "1752000000001";

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int kb = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String workers = args.length > 3 ? args[3] : "4";
        System.out.printf("cores %d, load average at start %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (Server server = Server.start(dist, java.util.Map.of("TRIBUTARY_PIPELINE_WORKERS", workers))) {
            JsonNode ds = server.admin("POST", "/admin/v1/datasets",
                    HttpRequest.BodyPublishers.ofString(resource("ingest-economy.yml")), "application/yaml");
            String datasetId = ds.path("id").asText();
            server.admin("POST", "/admin/v1/datasets/" + datasetId + "/publish", HttpRequest.BodyPublishers.noBody(),
                    null);
            String key = server.admin("POST", "/admin/v1/dataset-api-keys", HttpRequest.BodyPublishers.noBody(), null)
                    .path("token").asText();
            HttpClient http = HttpClient.newHttpClient();
            String text = ChunkCorpus.generate(kb * 1024);
            long bytes = (long) text.getBytes(StandardCharsets.UTF_8).length * files;
            List<String> ids = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<String>> uploads = new ArrayList<>();
                for (int i = 0; i < files; i++) {
                    String name = "doc-" + i + ".txt";
                    String content = "Document " + i + ".\n\n" + text;
                    uploads.add(pool.submit(() -> upload(http, server.base(), key, name, content)));
                }
                for (Future<String> f : uploads) {
                    ids.add(f.get());
                }
            }
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                items.append(i == 0 ? "" : ",").append("{\"reference\":\"").append(ids.get(i))
                        .append("\",\"name\":\"doc-").append(i).append(".txt\"}");
            }
            String body = ("{\"inputs\":{\"delimiter\":\"\\\\n\\\\n\",\"max_chunk_length\":1000,\"chunk_overlap\":100},"
                    + "\"datasource_type\":\"local_file\",\"datasource_info_list\":[%s],\"start_node_id\":\"%s\","
                    + "\"is_published\":true,\"response_mode\":\"blocking\"}").formatted(items, START_NODE);
            long cpu0 = server.cpuMillis();
            long t0 = System.nanoTime();
            HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/datasets/"
                            + datasetId + "/pipeline/run")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (run.statusCode() != 200) {
                throw new IllegalStateException("run → " + run.statusCode() + " " + run.body());
            }
            String batch = Server.JSON.readTree(run.body()).path("batch").asText();
            int completed = 0;
            int failed = 0;
            String firstError = null;
            while (true) {
                HttpResponse<String> st = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/datasets/"
                        + datasetId + "/documents/" + batch + "/indexing-status"))
                        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                completed = 0;
                failed = 0;
                for (JsonNode d : Server.JSON.readTree(st.body()).path("data")) {
                    switch (d.path("indexing_status").asText()) {
                        case "completed" -> completed++;
                        case "error" -> {
                            failed++;
                            firstError = d.path("error").asText();
                        }
                        default -> {
                            // still going
                        }
                    }
                }
                if (completed + failed == files) {
                    break;
                }
                Thread.sleep(250); // a client polls now and then; the route counts segments per document
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long cpu = server.cpuMillis() - cpu0;
            JsonNode detail = server.admin("GET", "/admin/v1/datasets/" + datasetId + "/index-check",
                    HttpRequest.BodyPublishers.noBody(), null);
            System.out.printf(Locale.ROOT,
                    "ingested %d documents of %d KB (%.1f MB of text) in %.2f s with %s workers: %.1f MB/s, "
                            + "%.0f documents/s; completed %d, failed %d%s; server CPU %.1f s (%.0f ms per MB); "
                            + "index check %s%n", files, kb, bytes / 1e6, secs, workers, bytes / 1e6 / secs,
                    files / secs, completed, failed, firstError == null ? "" : " (" + firstError + ")", cpu / 1000.0,
                    cpu / (bytes / 1e6), detail);
        }
    }

    private static String upload(HttpClient http, String base, String key, String name, String content)
            throws IOException, InterruptedException {
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/datasets/pipeline/file-upload"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload → " + r.statusCode() + " " + r.body());
        }
        return Server.JSON.readTree(r.body()).path("id").asText();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IngestBench.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
