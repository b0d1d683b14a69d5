package io.tributary.knowledge.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A tiny local HTTP server (JDK) that answers POSTs on one path with JSON computed from the request. */
final class LocalJsonServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Exchange(String path, String authorization, JsonNode body) {
    }

    record Answer(int status, Object body) {
    }

    final List<Exchange> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    LocalJsonServer(String path, Function<JsonNode, Answer> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, ex -> {
            try (ex) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                requests.add(new Exchange(ex.getRequestURI().getPath(),
                        ex.getRequestHeaders().getFirst("Authorization"), body));
                Answer a = ex.getRequestMethod().equals("POST") ? handler.apply(body)
                        : new Answer(405, java.util.Map.of("error", "method"));
                byte[] bytes = a.body() instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                        : JSON.writeValueAsBytes(a.body());
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(a.status(), bytes.length);
                ex.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
