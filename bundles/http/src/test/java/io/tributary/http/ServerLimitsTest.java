package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/** Jetty's limits as the server sets them: header timeout, connections per address, idle timeout, 413s. */
class ServerLimitsTest {

    /** Reads until the server closes the connection; what it sent, or throws if it stays open past the bound. */
    private static String readUntilClosed(Socket s, int boundMillis) throws IOException {
        s.setSoTimeout(boundMillis);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) >= 0) {
                got.write(b, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open after " + boundMillis + " ms", e);
        } catch (SocketException e) {
            // reset by the server: closed too
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static String health(Socket s) throws IOException {
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        return readUntilClosed(s, 10_000);
    }

    @Test
    void aClientTricklingItsHeaderIsCutOffAtTheHeaderTimeout() throws Exception {
        try (TestServer server = new TestServer(TestConfig.defaults().withHeaderTimeout(500));
             Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.ISO_8859_1));
            AtomicInteger sent = new AtomicInteger();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                // a header line every 100 ms: well inside the 30 s idle timeout, so only the header timeout ends it
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        out.write(("X-Slow-" + sent.incrementAndGet() + ": 1\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, 100, 100, TimeUnit.MILLISECONDS);
                String answer = readUntilClosed(s, 5_000);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
                assertTrue(sent.get() >= 3, "the client kept sending: " + sent.get());
            } finally {
                trickle.shutdownNow();
            }
            try (Socket fresh = new Socket("127.0.0.1", server.port())) {
                assertTrue(health(fresh).startsWith("HTTP/1.1 "), "a prompt client is served");
            }
        }
    }

    @Test
    void aClientTricklingItsBodyIsCutOffBelowTheMinimumRate() throws Exception {
        try (TestServer server = new TestServer(TestConfig.defaults().withHeaderTimeout(500));
             Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/files/upload HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + TestServer.APP_KEY
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 60000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            AtomicInteger sent = new AtomicInteger();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                // 10 bytes every 100 ms: 100 bytes/s against a minimum of 1024, the idle timeout never fires
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        out.write("xxxxxxxxxx".getBytes(StandardCharsets.ISO_8859_1));
                        sent.addAndGet(10);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, 100, 100, TimeUnit.MILLISECONDS);
                String answer = readUntilClosed(s, 5_000);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
                assertTrue(sent.get() >= 30, "the client kept sending: " + sent.get());
            } finally {
                trickle.shutdownNow();
            }
        }
    }

    @Test
    void connectionsOverThePerAddressCapAreClosed() throws Exception {
        try (TestServer server = new TestServer(TestConfig.defaults().withConnectionsPerIp(2))) {
            InetAddress local = InetAddress.getByName("127.0.0.1");
            try (Socket a = new Socket(local, server.port()); Socket b = new Socket(local, server.port())) {
                await(() -> server.guard().openFrom(local) == 2, "two open connections");
                try (Socket c = new Socket(local, server.port())) {
                    assertEquals("", readUntilClosed(c, 5_000), "the third connection is closed unanswered");
                }
                assertTrue(health(a).startsWith("HTTP/1.1 "), "the first two still work");
                a.close();
                await(() -> server.guard().openFrom(local) == 1, "one open connection after closing one");
                try (Socket d = new Socket(local, server.port())) {
                    assertTrue(health(d).startsWith("HTTP/1.1 "), "room again after one closed");
                }
            }
        }
    }

    @Test
    void theIdleTimeoutStaysAboveTheSsePing() {
        assertEquals(30_000, ApiServer.idleTimeout(TestConfig.defaults()));
        assertTrue(ApiServer.idleTimeout(TestConfig.defaults().withTimeouts(15_000, 10_000)) > 20_000);
        assertTrue(ApiServer.idleTimeout(TestConfig.defaults().withTimeouts(5_000, 10_000)) > 20_000);
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsAnswered413NotCutOff() throws Exception {
        try (TestServer server = new TestServer(); Socket s = new Socket("127.0.0.1", server.port())) {
            byte[] body = new byte[900 * 1024];
            java.util.Arrays.fill(body, (byte) 'x');
            String head = "POST /v1/files/upload HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + TestServer.APP_KEY
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + body.length + "\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body); // a client that sends everything before reading, as most do
            out.flush();
            String answer = readUntilClosed(s, 10_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"file_too_large\""), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        }
    }
}
