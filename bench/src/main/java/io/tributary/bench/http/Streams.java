package io.tributary.bench.http;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One streaming run over HTTP, read line by line as an SSE client would. */
final class Streams {
    /** What a stream delivered: nanos to the first {@code data:} line and to the end, and how it ended. */
    record Outcome(long firstEventNanos, long totalNanos, String finalStatus, String error) {
        boolean succeeded() {
            return error == null && "succeeded".equals(finalStatus);
        }
    }

    private Streams() {
    }

    static HttpRequest request(String base, String key, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/v1/workflows/run"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Runs one streaming request to its end; {@code onFirst} runs when the first event arrived. */
    static Outcome run(HttpClient client, HttpRequest request, Runnable onFirst) {
        long t0 = System.nanoTime();
        long first = -1;
        String status = null;
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                return new Outcome(-1, System.nanoTime() - t0, null, "HTTP " + r.statusCode());
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    if (first < 0) {
                        first = System.nanoTime() - t0;
                        if (onFirst != null) {
                            onFirst.run();
                        }
                    }
                    if (line.contains("\"event\":\"workflow_finished\"")) {
                        int i = line.indexOf("\"status\":\"");
                        status = i < 0 ? "?" : line.substring(i + 10, line.indexOf('"', i + 10));
                    } else if (line.contains("\"event\":\"error\"")) {
                        return new Outcome(first, System.nanoTime() - t0, null, line);
                    }
                }
            }
        } catch (Exception e) {
            return new Outcome(first, System.nanoTime() - t0, status, e.toString());
        }
        return new Outcome(first, System.nanoTime() - t0, status, status == null ? "stream ended early" : null);
    }
}
