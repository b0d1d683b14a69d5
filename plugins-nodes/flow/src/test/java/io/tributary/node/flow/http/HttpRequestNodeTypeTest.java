package io.tributary.node.flow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.tributary.api.model.GraphNode;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;
import io.tributary.engine.net.SsrfGuardImpl;
import io.tributary.node.flow.TestContext;

/** Against a real HTTP server on 127.0.0.1, through the real SSRF guard. */
class HttpRequestNodeTypeTest {
    private static HttpServer server;
    private static String base;
    private static final Map<String, Map<String, Object>> seen = new ConcurrentHashMap<>();
    private static final AtomicInteger secretHits = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", HttpRequestNodeTypeTest::echo);
        server.createContext("/json", ex -> reply(ex, 200, "application/json; charset=utf-8", "{\"ok\":true,\"é\":1}".getBytes(StandardCharsets.UTF_8), null));
        server.createContext("/missing", ex -> reply(ex, 404, "text/plain", "nope".getBytes(StandardCharsets.UTF_8), null));
        server.createContext("/image.png", ex -> reply(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, null));
        server.createContext("/download", ex -> reply(ex, 200, "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                "attachment; filename=\"data.csv\""));
        server.createContext("/big", ex -> reply(ex, 200, "text/plain", "x".repeat(5000).getBytes(StandardCharsets.UTF_8), null));
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", ex.getRequestURI().getQuery().substring("to=".length()));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/secret", ex -> {
            secretHits.incrementAndGet();
            reply(ex, 200, "text/plain", "secret".getBytes(StandardCharsets.UTF_8), null);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, Object> req = new HashMap<>();
        req.put("method", ex.getRequestMethod());
        req.put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
        req.put("body", new String(body, StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        req.put("headers", headers);
        seen.put(ex.getRequestURI().getPath() + "#" + ex.getRequestMethod(), req);
        ex.getResponseHeaders().add("X-Reply", "yes");
        reply(ex, 200, "text/plain; charset=utf-8", ("echo " + ex.getRequestMethod()).getBytes(StandardCharsets.UTF_8), null);
    }

    private static void reply(HttpExchange ex, int code, String type, byte[] body, String disposition) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        if (disposition != null) {
            ex.getResponseHeaders().add("Content-Disposition", disposition);
        }
        ex.sendResponseHeaders(code, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
        if (!ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    public static SsrfGuard guard(String allow) {
        return new SsrfGuardImpl(new SsrfGuardImpl.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SsrfGuardImpl.Config.class;
            }

            @Override
            public String allow() {
                return allow;
            }
        });
    }

    private static final HttpRequestNodeType.Limits LIMITS = new HttpRequestNodeType.Limits(5, 10, 1000, 100, true, 5);

    private static NodeResult run(Map<String, Object> data, SsrfGuard guard) throws Exception {
        GraphNode node = new GraphNode("http", "http-request", null, "", data);
        TestContext ctx = new TestContext(node, Map.of()).put("start", "q", "a b&c").put("start", "token", "t0k")
                .put("start", "name", "Ada").put("start", "file", Map.of("transfer_method", "local_file",
                        "filename", "hello.txt", "mime_type", "text/plain",
                        "data", Base64.getEncoder().encodeToString("hello file".getBytes(StandardCharsets.UTF_8))));
        return new HttpRequestNodeType(LIMITS, guard).create(node).execute(ctx);
    }

    private static NodeResult run(Map<String, Object> data) throws Exception {
        return run(data, guard("127.0.0.1"));
    }

    private static Map<String, Object> data(String method, String url, Map<String, Object> extra) {
        Map<String, Object> d = new HashMap<>();
        d.put("method", method);
        d.put("url", url);
        d.put("authorization", Map.of("type", "no-auth"));
        d.put("headers", "");
        d.put("params", "");
        d.put("body", Map.of("type", "none", "data", List.of()));
        d.putAll(extra);
        return d;
    }

    @Test
    void getWithTemplatedParamsAndHeaders() throws Exception {
        NodeResult r = run(data("get", base + "/echo", Map.of("params", "q:{{#start.q#}}\nlang: en\n",
                "headers", "X-Name: {{#start.name#}}\nX-Empty:\n")));
        assertEquals(200, r.outputs().get("status_code"));
        assertEquals("echo GET", r.outputs().get("body"));
        assertEquals("yes", ((Map<?, ?>) r.outputs().get("headers")).get("x-reply"));
        assertEquals(List.of(), r.outputs().get("files"));
        Map<String, Object> req = seen.get("/echo#GET");
        assertEquals("q=a%20b%26c&lang=en", req.get("query"));
        assertEquals("Ada", ((Map<?, ?>) req.get("headers")).get("x-name"));
        assertTrue(((String) r.processData().get("request")).startsWith("GET /echo?q=a%20b%26c&lang=en HTTP/1.1"));
    }

    @Test
    void listFormsOfHeadersAndParams() throws Exception {
        run(data("DELETE", base + "/echo", Map.of("params", List.of(Map.of("key", "id", "value", "7")),
                "headers", List.of(Map.of("key", "X-Name", "value", "{{#start.name#}}")))));
        Map<String, Object> req = seen.get("/echo#DELETE");
        assertEquals("id=7", req.get("query"));
        assertEquals("Ada", ((Map<?, ?>) req.get("headers")).get("x-name"));
    }

    @Test
    void bodies() throws Exception {
        run(data("post", base + "/echo", Map.of("body", Map.of("type", "json", "data", List.of(
                Map.of("type", "text", "value", "{\"name\": \"{{#start.name#}}\", \"n\": 1}"))))));
        Map<String, Object> json = seen.get("/echo#POST");
        assertEquals("{\"name\":\"Ada\",\"n\":1}", json.get("body"));
        assertTrue(((Map<?, ?>) json.get("headers")).get("content-type").toString().startsWith("application/json"));

        run(data("put", base + "/echo", Map.of("body", Map.of("type", "x-www-form-urlencoded", "data", List.of(
                Map.of("key", "a", "type", "text", "value", "{{#start.q#}}"), Map.of("key", "b", "type", "text", "value", "2"))))));
        Map<String, Object> form = seen.get("/echo#PUT");
        assertEquals("a=a+b%26c&b=2", form.get("body"));
        assertTrue(((Map<?, ?>) form.get("headers")).get("content-type").toString().startsWith("application/x-www-form-urlencoded"));

        run(data("patch", base + "/echo", Map.of("body", Map.of("type", "raw-text", "data", "plain {{#start.name#}}"),
                "headers", "Content-Type: text/markdown")));
        Map<String, Object> raw = seen.get("/echo#PATCH");
        assertEquals("plain Ada", raw.get("body"));
        assertEquals("text/markdown", ((Map<?, ?>) raw.get("headers")).get("content-type"));

        run(data("post", base + "/echo?kind=multipart", Map.of("body", Map.of("type", "form-data", "data", List.of(
                Map.of("key", "title", "type", "text", "value", "{{#start.name#}}"),
                Map.of("key", "upload", "type", "file", "file", List.of("start", "file")))))));
        Map<String, Object> multipart = seen.get("/echo#POST");
        String type = ((Map<?, ?>) multipart.get("headers")).get("content-type").toString();
        assertTrue(type.startsWith("multipart/form-data;") && type.contains("boundary="), type);
        String body = (String) multipart.get("body");
        assertTrue(body.contains("name=\"title\"") && body.contains("Ada"), body);
        assertTrue(body.contains("filename=\"hello.txt\"") && body.contains("hello file"), body);

        run(data("options", base + "/echo", Map.of("body", Map.of("type", "binary", "data", List.of(
                Map.of("type", "file", "file", List.of("start", "file")))))));
        assertEquals("hello file", seen.get("/echo#OPTIONS").get("body"));
    }

    @Test
    void authorization() throws Exception {
        run(data("get", base + "/echo", Map.of("authorization", Map.of("type", "api-key", "config",
                Map.of("type", "bearer", "api_key", "{{#start.token#}}")))));
        assertEquals("Bearer t0k", ((Map<?, ?>) seen.get("/echo#GET").get("headers")).get("authorization"));
        run(data("head", base + "/echo", Map.of("authorization", Map.of("type", "api-key", "config",
                Map.of("type", "basic", "api_key", "user:pass")))));
        assertEquals("Basic dXNlcjpwYXNz", ((Map<?, ?>) seen.get("/echo#HEAD").get("headers")).get("authorization"));
        NodeResult r = run(data("post", base + "/echo", Map.of("authorization", Map.of("type", "api-key", "config",
                Map.of("type", "custom", "api_key", "k1", "header", "X-Api-Key")))));
        assertEquals("k1", ((Map<?, ?>) seen.get("/echo#POST").get("headers")).get("x-api-key"));
        assertTrue(((String) r.processData().get("request")).contains("X-Api-Key: **"), "the key is masked in the log");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(data("get", base + "/echo",
                Map.of("authorization", Map.of("type", "api-key", "config", Map.of("type", "bearer", "api_key", "{{#start.none#}}"))))));
        assertTrue(e.getMessage().contains("API key is required"));
    }

    @Test
    void textAndFileResponses() throws Exception {
        NodeResult json = run(data("get", base + "/json", Map.of()));
        assertEquals("{\"ok\":true,\"é\":1}", json.outputs().get("body"));
        NodeResult image = run(data("get", base + "/image.png", Map.of()));
        assertEquals("", image.outputs().get("body"));
        Map<?, ?> file = (Map<?, ?>) ((List<?>) image.outputs().get("files")).get(0);
        assertEquals("image.png", file.get("filename"));
        assertEquals("image/png", file.get("mime_type"));
        assertEquals("image", file.get("type"));
        assertEquals(7, file.get("size"));
        assertEquals(".png", file.get("extension"));
        assertEquals(7, Base64.getDecoder().decode((String) file.get("data")).length);
        Map<?, ?> csv = (Map<?, ?>) ((List<?>) run(data("get", base + "/download", Map.of())).outputs().get("files")).get(0);
        assertEquals("data.csv", csv.get("filename"));
    }

    @Test
    void errorStatusFailsOnlyWithAnErrorStrategyOrRetries() throws Exception {
        assertEquals(404, run(data("get", base + "/missing", Map.of())).outputs().get("status_code"));
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> run(data("get", base + "/missing", Map.of("error_strategy", "fail-branch"))));
        assertEquals("Request failed with status code 404", e.getMessage());
        assertEquals("HTTPResponseCodeError", e.errorType());
    }

    @Test
    void responseSizeIsLimited() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(data("get", base + "/big", Map.of())));
        assertTrue(e.getMessage().contains("size is too large"), e.getMessage());
        assertEquals("ResponseSizeError", e.errorType());
    }

    @Test
    void theGuardBlocksLoopbackUnlessAllowed() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> run(data("get", base + "/secret", Map.of()), guard("")));
        assertEquals("SsrfBlockedError", e.errorType());
        assertTrue(e.getMessage().contains("Blocked request to '127.0.0.1'"), e.getMessage());
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        assertTrue(e.getMessage().contains("ssrf.allow"), e.getMessage());
        assertEquals(0, secretHits.get());
    }

    @Test
    void theGuardBlocksHostNamesThatResolveToLoopback() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(data("get",
                "http://localhost:" + server.getAddress().getPort() + "/secret", Map.of()), guard("")));
        assertTrue(e.getMessage().contains("Blocked request to 'localhost'"), e.getMessage());
        assertEquals(0, secretHits.get());
    }

    @Test
    void redirectsAreFollowedAndCheckedAgain() throws Exception {
        // Allowed: 127.0.0.1 → 127.0.0.1.
        assertEquals("echo GET", run(data("get", base + "/redirect?to=" + base + "/echo", Map.of())).outputs().get("body"));
        // The first hop is allowed (by host name), the redirect target (an address) is not.
        String start = "http://localhost:" + server.getAddress().getPort();
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(data("get",
                start + "/redirect?to=" + base + "/secret", Map.of()), guard("localhost")));
        assertEquals("SsrfBlockedError", e.errorType());
        assertTrue(e.getMessage().contains("'127.0.0.1'"), e.getMessage());
        assertEquals(0, secretHits.get());
    }

    @Test
    void crossHostRedirectsAreFollowedButNeverCarryTheKey() throws Exception {
        String other = "http://localhost:" + server.getAddress().getPort();
        SsrfGuard both = guard("127.0.0.1, localhost");
        seen.remove("/echo#GET");
        run(data("get", base + "/redirect?to=" + other + "/echo", Map.of("headers", "X-Name: kept")), both);
        Map<?, ?> headers = (Map<?, ?>) seen.get("/echo#GET").get("headers");
        assertEquals("localhost:" + server.getAddress().getPort(), headers.get("host"));
        assertEquals("kept", headers.get("x-name"));
        // HttpClient refuses to follow a cross-host redirect of a request carrying credentials: the 302 is the result.
        seen.remove("/echo#GET");
        NodeResult r = run(data("get", base + "/redirect?to=" + other + "/echo", Map.of("authorization",
                Map.of("type", "api-key", "config", Map.of("type", "bearer", "api_key", "secret-key")))), both);
        assertEquals(302, r.outputs().get("status_code"));
        assertEquals(null, seen.get("/echo#GET"));
    }

    @Test
    void urlMustBeHttp() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> run(data("get", "file:///etc/passwd", Map.of())));
        assertTrue(e.getMessage().contains("url should start with http:// or https://"));
    }

    @Test
    void validationNamesTheFields() {
        GraphNode node = new GraphNode("h", "http-request", null, "", Map.of("method", "TRACE",
                "authorization", Map.of("type", "api-key", "config", Map.of("type", "custom", "api_key", "k")),
                "body", Map.of("type", "xml"), "timeout", Map.of("connect", -1), "ssl_verify", "no"));
        List<String> p = assertThrows(NodeValidationException.class,
                () -> new HttpRequestNodeType(LIMITS, guard("")).validate(node)).problems();
        assertEquals(List.of(
                "node 'h': 'method' must be one of " + HttpRequestSpec.METHODS,
                "node 'h': 'url' is required",
                "node 'h': authorization.config.header is required for custom authorization",
                "node 'h': body.type must be one of " + HttpRequestSpec.BODY_TYPES,
                "node 'h': timeout.connect must not be negative",
                "node 'h': 'ssl_verify' must be true or false"), p);
    }
}
