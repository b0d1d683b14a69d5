package io.tributary.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards Jetty's connections against slow and greedy clients, two rules Jetty's idle timeout cannot enforce (a
 * client trickling a byte at a time resets it):
 * <ul>
 * <li>at most {@code maxPerIp} open connections per remote address: one more is closed as it opens;</li>
 * <li>a request's header must arrive whole within {@code headerTimeoutMillis} of its first byte: a connection
 * still reading the same request's header after that is closed;</li>
 * <li>a request's body must arrive at {@code minBodyBytesPerSecond} on average, measured from the end of its
 * header once a grace period (the header timeout, else 10 s) has passed: a slower one is closed. Every route reads
 * its body at once, so a stalled body is the client's doing.</li>
 * </ul>
 * A connection idle between requests (keep-alive) and a long response (an SSE stream) are left alone: only the
 * idle timeout applies to them.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final int maxPerIp;
    private final long headerTimeoutNanos;
    private final long minBodyBytesPerSecond;
    private final long bodyGraceNanos;
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** Where a connection's header reading stands: the request it is on and since when. */
    private static final class Watch {
        final InetAddress ip;
        long request = -1;
        long since;
        long bodyRequest = -1;
        long bodySince;
        long bodyBytesAtStart;

        Watch(InetAddress ip) {
            this.ip = ip;
        }
    }

    /**
     * @param maxPerIp            open connections allowed per remote address; 0 or less: no limit
     * @param headerTimeoutMillis time a request header may take to arrive; 0 or less: no limit
     * @param minBodyBytesPerSecond slowest average rate of a request body; 0 or less: no limit
     */
    ConnectionGuard(int maxPerIp, long headerTimeoutMillis, long minBodyBytesPerSecond) {
        this.maxPerIp = maxPerIp;
        this.headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, headerTimeoutMillis));
        this.minBodyBytesPerSecond = minBodyBytesPerSecond;
        long grace = headerTimeoutMillis > 0 ? headerTimeoutMillis : 10_000;
        this.bodyGraceNanos = TimeUnit.MILLISECONDS.toNanos(grace);
        if (headerTimeoutMillis > 0 || minBodyBytesPerSecond > 0) {
            long every = Math.max(50, Math.min(1000, grace / 4));
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "http-header-timeout");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        } else {
            sweeper = null;
        }
    }

    @Override
    public void onOpened(Connection c) {
        InetAddress ip = address(c.getEndPoint().getRemoteSocketAddress());
        Watch w = new Watch(ip);
        open.put(c, w);
        if (ip != null) {
            int n = perIp.merge(ip, 1, Integer::sum);
            if (maxPerIp > 0 && n > maxPerIp) {
                LOG.debug("Refusing connection {} from {}: {} open", n, ip, maxPerIp);
                c.getEndPoint().close();
            }
        }
    }

    @Override
    public void onClosed(Connection c) {
        Watch w = open.remove(c);
        if (w != null && w.ip != null) {
            perIp.computeIfPresent(w.ip, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Open connections from {@code ip} (for tests and diagnostics). */
    int openFrom(InetAddress ip) {
        return perIp.getOrDefault(ip, 0);
    }

    void sweep() {
        try {
            long now = System.nanoTime();
            open.forEach((c, w) -> {
                if (!(c instanceof HttpConnection hc)) {
                    return;
                }
                HttpParser p = hc.getParser();
                long request = hc.getMessagesIn();
                if (p.inContentState()) {
                    w.request = -1;
                    checkBody(hc, w, request, now);
                    return;
                }
                w.bodyRequest = -1;
                if (!p.inHeaderState() || p.isStart() || headerTimeoutNanos == 0) {
                    w.request = -1; // idle between requests, or past the header
                    return;
                }
                if (w.request != request) {
                    w.request = request;
                    w.since = now;
                } else if (now - w.since > headerTimeoutNanos) {
                    LOG.debug("Closing {}: request header not complete after {} ms", c,
                            TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos));
                    c.getEndPoint().close();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Header timeout sweep failed", e);
        }
    }

    private void checkBody(HttpConnection hc, Watch w, long request, long now) {
        if (minBodyBytesPerSecond <= 0) {
            return;
        }
        if (w.bodyRequest != request) {
            w.bodyRequest = request;
            w.bodySince = now;
            w.bodyBytesAtStart = hc.getBytesIn();
            return;
        }
        long elapsed = now - w.bodySince;
        if (elapsed > bodyGraceNanos) {
            double expected = minBodyBytesPerSecond * (elapsed / 1e9);
            if (hc.getBytesIn() - w.bodyBytesAtStart < expected) {
                LOG.debug("Closing {}: request body slower than {} bytes/s", hc, minBodyBytesPerSecond);
                hc.getEndPoint().close();
            }
        }
    }

    private static InetAddress address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
