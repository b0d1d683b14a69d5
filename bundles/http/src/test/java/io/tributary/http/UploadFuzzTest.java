package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for every upload route, read by the one {@link Uploads} reader: each of 19 malformed or hostile
 * bodies on each of the five routes (95 cases) answers a 4xx in the envelope, never a 500, and leaves nothing in
 * the spool. Where Dify has a code for the case, the two service-API routes answer it.
 */
class UploadFuzzTest {
    static final String B = "fuzzboundary";
    static TestServer server;

    /** An upload route and the token it takes. */
    record Route(String path, String token, boolean dify) {
        @Override
        public String toString() {
            return path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("/v1/files/upload", TestServer.APP_KEY, true),
            new Route("/v1/datasets/pipeline/file-upload", TestServer.DATASET_KEY, true),
            new Route("/admin/v1/apps", TestConfig.ADMIN_TOKEN, false),
            new Route("/admin/v1/datasets", TestConfig.ADMIN_TOKEN, false),
            new Route("/admin/v1/plugins", TestConfig.ADMIN_TOKEN, false));

    /**
     * A hostile body: its content type, encoding, bytes, and the status and code a Dify-coded route answers
     * ({@code null} code: any 4xx envelope will do, as the route decides, e.g. a name a route cleans up).
     */
    record Case(String name, String contentType, String encoding, byte[] body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] part(String field, String filename, String type, byte[] content) {
        StringBuilder h = new StringBuilder("--" + B + "\r\nContent-Disposition: form-data; name=\"" + field + "\"");
        if (filename != null) {
            h.append("; filename=\"").append(filename).append('"');
        }
        h.append("\r\n");
        if (type != null) {
            h.append("Content-Type: ").append(type).append("\r\n");
        }
        h.append("\r\n");
        return concat(h.toString().getBytes(StandardCharsets.UTF_8), content, "\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static byte[] end() {
        return ("--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static final String MP = "multipart/form-data; boundary=" + B;
    static final byte[] HELLO = text("hello world");
    static final byte[] ONE_FILE = concat(part("file", "a.txt", "text/plain", HELLO), end());

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("no boundary", "multipart/form-data", null, ONE_FILE, 400, "invalid_param"));
        c.add(new Case("wrong boundary", "multipart/form-data; boundary=other", null, ONE_FILE, 400, null));
        c.add(new Case("empty boundary", "multipart/form-data; boundary=", null, ONE_FILE, 400, null));
        c.add(new Case("boundary of 200 characters", "multipart/form-data; boundary=" + "b".repeat(200), null,
                ONE_FILE, 400, null));
        c.add(new Case("truncated body", MP, null, java.util.Arrays.copyOf(ONE_FILE, ONE_FILE.length - 30), 400,
                "invalid_param"));
        c.add(new Case("empty body", MP, null, new byte[0], 400, null));
        c.add(new Case("binary garbage", MP, null, new java.util.Random(7).ints(4096, 0, 256)
                .collect(ByteArrayOutputStream::new, ByteArrayOutputStream::write, (a, b) -> a.writeBytes(b.toByteArray()))
                .toByteArray(), 400, null));
        c.add(new Case("missing file part", MP, null, concat(part("user", null, null, text("u1")), end()), 400,
                "no_file_uploaded"));
        c.add(new Case("two files", MP, null, concat(part("file", "a.txt", "text/plain", HELLO),
                part("file", "b.txt", "text/plain", HELLO), end()), 400, "too_many_files"));
        c.add(new Case("empty file name", MP, null, concat(part("file", "", "text/plain", HELLO), end()), 400,
                "filename_not_exists_error"));
        c.add(new Case("NUL in the file name", MP, null, concat(part("file", "a\u0000b.txt", "text/plain", HELLO),
                end()), 400, "invalid_param"));
        c.add(new Case("10,000-character file name", MP, null, concat(part("file", "a".repeat(10_000) + ".txt",
                "text/plain", HELLO), end()), 400, "invalid_param"));
        c.add(new Case("../ in the file name", MP, null, concat(part("file", "../../etc/passwd.txt", "text/plain",
                HELLO), end()), 0, null));
        c.add(new Case("CR LF in the file name", MP, null, concat(part("file", "a\r\nX-Evil: 1.txt", "text/plain",
                HELLO), end()), 400, null));
        c.add(new Case("part header of 100 KB", MP, null, concat(text("--" + B + "\r\nContent-Disposition: form-data; "
                + "name=\"file\"; filename=\"a.txt\"\r\nX-Big: " + "x".repeat(100_000) + "\r\n\r\n"), HELLO,
                text("\r\n"), end()), 400, null));
        c.add(new Case("part without headers", MP, null, concat(text("--" + B + "\r\n\r\n"), HELLO, text("\r\n"),
                end()), 400, null));
        c.add(new Case("text/plain body", "text/plain", null, HELLO, 400, "no_file_uploaded"));
        c.add(new Case("urlencoded body", "application/x-www-form-urlencoded", null, text("file=a.txt"), 400,
                "no_file_uploaded"));
        c.add(new Case("gzip body", MP, "gzip", gzip(ONE_FILE), 400, null));
        return c;
    }

    static List<Arguments> routesAndCases() {
        List<Arguments> all = new ArrayList<>();
        for (Route r : ROUTES) {
            for (Case c : cases()) {
                all.add(Arguments.of(r, c));
            }
        }
        return all;
    }

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("routesAndCases")
    void badInputIsA4xxEnvelope(Route route, Case c) {
        HttpRequest.Builder b = server.request(route.path())
                .header("Authorization", "Bearer " + route.token())
                .header("Content-Type", c.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.encoding() != null) {
            b.header("Content-Encoding", c.encoding());
        }
        HttpResponse<String> r = server.send(b.build());
        if (c.status() == 0 && r.statusCode() == 201) {
            // a route that keeps only the base name of a path may accept it, but never stores the path
            assertTrue(server.saved.stream().noneMatch(f -> f.name().contains("/")), r.body());
            return;
        }
        Map<String, Object> body = TestServer.envelope(r);
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, c + " on " + route + ": " + r.body());
        if (route.dify() && c.code() != null) {
            assertEquals(c.status(), r.statusCode(), r.body());
            assertEquals(c.code(), body.get("code"), r.body());
        }
        assertEquals(0, server.spooled(), "spooled parts left behind");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("difyRoutes")
    void aFileOverTheLimitIs413FileTooLargeInTheEnvelope(Route route) {
        byte[] big = new byte[(int) TestConfig.defaults().upload_max_bytes() + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> r = server.send(server.request(route.path())
                .header("Authorization", "Bearer " + route.token())
                .header("Content-Type", MP)
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(part("file", "big.txt", "text/plain", big), end())))
                .build());
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("file_too_large", TestServer.envelope(r).get("code"));
        assertEquals(0, server.spooled(), "spooled parts left behind");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("difyRoutes")
    void aWellFormedUploadIsStored(Route route) {
        HttpResponse<String> r = server.send(server.request(route.path())
                .header("Authorization", "Bearer " + route.token())
                .header("Content-Type", MP)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ONE_FILE)).build());
        assertEquals(201, r.statusCode(), r.body());
        assertFalse(server.saved.isEmpty());
    }

    static List<Route> difyRoutes() {
        return ROUTES.stream().filter(Route::dify).toList();
    }
}
