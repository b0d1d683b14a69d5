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
 * still reading the same request's header after that is closed.</li>
 * </ul>
 * A connection idle between requests (keep-alive) and a long response (an SSE stream) are left alone: only the
 * idle timeout applies to them.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final int maxPerIp;
    private final long headerTimeoutNanos;
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** Where a connection's header reading stands: the request it is on and since when. */
    private static final class Watch {
        final InetAddress ip;
        long request = -1;
        long since;

        Watch(InetAddress ip) {
            this.ip = ip;
        }
    }

    /**
     * @param maxPerIp            open connections allowed per remote address; 0 or less: no limit
     * @param headerTimeoutMillis time a request header may take to arrive; 0 or less: no limit
     */
    ConnectionGuard(int maxPerIp, long headerTimeoutMillis) {
        this.maxPerIp = maxPerIp;
        this.headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(headerTimeoutMillis);
        if (headerTimeoutMillis > 0) {
            long every = Math.max(50, Math.min(1000, headerTimeoutMillis / 4));
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
                if (!p.inHeaderState() || p.isStart()) {
                    w.request = -1; // idle between requests, or past the header
                    return;
                }
                long request = hc.getMessagesIn();
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
