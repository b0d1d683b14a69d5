package io.tributary.knowledge.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.api.knowledge.KnowledgeException;

/** POSTs JSON with a bearer key and reads a JSON answer; non-2xx answers become a {@link KnowledgeException}. */
final class JsonHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;

    JsonHttp(String baseUrl, String apiKey, Duration timeout) {
        if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("The base URL must start with http:// or https://, got " + baseUrl);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey == null ? "" : apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** POSTs {@code body} to {@code baseUrl + path}. */
    JsonNode post(String path, Object body, String what) throws KnowledgeException, InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException | IllegalArgumentException e) {
            throw new KnowledgeException(what + ": bad request: " + e.getMessage(), e);
        }
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new KnowledgeException(what + " at " + baseUrl + " is not reachable: " + e, e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (response.statusCode() / 100 != 2) {
            String message = json == null ? "" : json.path("error").path("message").asText(
                    json.path("error").isTextual() ? json.path("error").asText() : json.path("message").asText(""));
            throw new KnowledgeException(what + " answered HTTP " + response.statusCode()
                    + (message.isEmpty() ? "" : ": " + message));
        }
        if (json == null || !json.isObject()) {
            throw new KnowledgeException(what + " answered something that is not a JSON object");
        }
        return json;
    }
}
