package io.tributary.http;

import java.lang.annotation.Annotation;

/** {@link HttpServer.Config} for in-process tests: port 0 on loopback, small limits, short waits. */
record TestConfig(String host, int port, String admin_token_sha256, long max_request_bytes, long upload_max_bytes,
                  String data_dir, int accept_queue_size, long sse_ping_ms, long stop_timeout_ms,
                  long idle_timeout_ms, long header_timeout_ms, int max_connections_per_ip,
                  long body_min_bytes_per_second)
        implements HttpServer.Config {

    static final String ADMIN_TOKEN = "admin-secret";

    static TestConfig defaults() {
        return new TestConfig("127.0.0.1", 0, java.util.HexFormat.of().formatHex(AdminAuth.sha256(ADMIN_TOKEN)),
                1024 * 1024, 64 * 1024, "", 128, 10_000, 500, 30_000, 10_000, 1024, 1024);
    }

    TestConfig withHeaderTimeout(long ms) {
        return new TestConfig(host, port, admin_token_sha256, max_request_bytes, upload_max_bytes, data_dir,
                accept_queue_size, sse_ping_ms, stop_timeout_ms, idle_timeout_ms, ms, max_connections_per_ip,
                body_min_bytes_per_second);
    }

    TestConfig withConnectionsPerIp(int n) {
        return new TestConfig(host, port, admin_token_sha256, max_request_bytes, upload_max_bytes, data_dir,
                accept_queue_size, sse_ping_ms, stop_timeout_ms, idle_timeout_ms, header_timeout_ms, n,
                body_min_bytes_per_second);
    }

    TestConfig withTimeouts(long idleMs, long pingMs) {
        return new TestConfig(host, port, admin_token_sha256, max_request_bytes, upload_max_bytes, data_dir,
                accept_queue_size, pingMs, stop_timeout_ms, idleMs, header_timeout_ms, max_connections_per_ip,
                body_min_bytes_per_second);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return HttpServer.Config.class;
    }
}
