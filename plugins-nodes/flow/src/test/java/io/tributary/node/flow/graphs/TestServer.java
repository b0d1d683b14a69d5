package io.tributary.node.flow.graphs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 (one virtual thread per request) with the endpoints the graph fixtures call.
 * Waits are on latches and barriers with timeouts, never on sleeps.
 */
final class TestServer implements AutoCloseable {
    private final HttpServer server;
    final CyclicBarrier barrier = new CyclicBarrier(3);
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final CountDownLatch hangEntered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch secondServed = new CountDownLatch(1);
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/barrier", ex -> {
            try {
                barrier.await(10, TimeUnit.SECONDS);
                reply(ex, 200, query(ex).get("who"));
            } catch (Exception e) {
                reply(ex, 500, "barrier not met: " + e);
            }
        });
        // /status?code=500
        server.createContext("/status", ex -> reply(ex, Integer.parseInt(query(ex).get("code")), "status " + query(ex).get("code")));
        // /flaky?key=k&fail=2: 503 for the first `fail` calls of a key, then 200 "ok after n"
        server.createContext("/flaky", ex -> {
            Map<String, String> q = query(ex);
            int n = calls.computeIfAbsent(q.get("key"), k -> new AtomicInteger()).incrementAndGet();
            if (n <= Integer.parseInt(q.get("fail"))) {
                reply(ex, 503, "failure " + n);
            } else {
                reply(ex, 200, "ok after " + n);
            }
        });
        server.createContext("/hang", ex -> {
            hangEntered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "released");
        });
        // /first answers once /second was answered, plus simulated latency so that the second producer's node
        // has finished before the first one's response even arrives: the second producer always finishes first
        server.createContext("/first", ex -> {
            try {
                secondServed.await(10, TimeUnit.SECONDS);
                TimeUnit.MILLISECONDS.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "first");
        });
        server.createContext("/second", ex -> {
            reply(ex, 200, "second");
            secondServed.countDown();
        });
        server.createContext("/echo", ex -> {
            ex.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
            reply(ex, 200, "q=" + query(ex).get("q"));
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> m = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int i = pair.indexOf('=');
                m.put(URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8),
                        i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
