package io.tributary.node.flow.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tributary.api.model.GraphNode;
import io.tributary.api.net.SsrfBlockedException;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

/**
 * {@code http-request}: sends one HTTP request built from the node's data ({@link HttpRequestSpec}) and
 * outputs {@code status_code}, {@code body}, {@code headers} and {@code files}. Host names are resolved only
 * through the {@link SsrfGuard}, for the first request and every redirect, so a blocked address fails the
 * node with the guard's message. Non-2xx responses fail the node only when it has an error strategy or
 * retries (as in Dify).
 */
@Component(service = NodeType.class, configurationPid = HttpRequestNodeType.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HttpRequestNodeType.Config.class)
@NodeTypeProperties(type = "http-request", version = "1.0.0")
public final class HttpRequestNodeType implements NodeType {
    static final String PID = "io.tributary.node.http_request";

    @ObjectClassDefinition(name = "Tributary http-request node", description = "Limits of the http-request node.")
    public @interface Config {
        @AttributeDefinition(name = "Maximum connect timeout (s)", description = "Also the default.")
        long max_connect_timeout() default 10;

        @AttributeDefinition(name = "Maximum read timeout (s)", description = "Also the default.")
        long max_read_timeout() default 600;

        @AttributeDefinition(name = "Maximum write timeout (s)", description = "Accepted for Dify compatibility; "
                + "sending is bounded by the node's deadline.")
        long max_write_timeout() default 600;

        @AttributeDefinition(name = "Maximum text response (bytes)")
        long max_text_size() default 1024 * 1024;

        @AttributeDefinition(name = "Maximum file response (bytes)")
        long max_binary_size() default 10 * 1024 * 1024;

        @AttributeDefinition(name = "Verify TLS certificates by default")
        boolean ssl_verify() default true;

        @AttributeDefinition(name = "Maximum redirects")
        int max_redirects() default 10;
    }

    /** The limits in force (replaced on reconfiguration). */
    record Limits(long connect, long read, long maxText, long maxBinary, boolean sslVerify, int maxRedirects) {
        static Limits of(Config c) {
            return new Limits(c.max_connect_timeout(), c.max_read_timeout(), c.max_text_size(), c.max_binary_size(),
                    c.ssl_verify(), c.max_redirects());
        }
    }

    private final SsrfGuard guard;
    private volatile Limits limits;

    @Activate
    public HttpRequestNodeType(Config config, @Reference SsrfGuard guard) {
        this(Limits.of(config), guard);
    }

    HttpRequestNodeType(Limits limits, SsrfGuard guard) {
        this.guard = guard;
        this.limits = limits;
    }

    @Modified
    void modified(Config config) {
        limits = Limits.of(config);
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        HttpRequestSpec.parse(node);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        HttpRequestSpec spec = HttpRequestSpec.parse(node);
        Limits l = limits;
        return ctx -> execute(spec, l, ctx);
    }

    private NodeResult execute(HttpRequestSpec spec, Limits l, NodeContext ctx)
            throws NodeExecutionException, InterruptedException {
        HttpUriRequestBase request = new RequestFactory(spec, ctx.variables()).build();
        String url = request.getRequestUri();
        try {
            url = request.getUri().toString();
        } catch (java.net.URISyntaxException e) {
            // keep the raw request URI
        }
        Map<String, Object> processData = Map.of("request", RequestLog.of(request, spec));
        long connect = Math.min(spec.connect() == null ? l.connect() : spec.connect(), l.connect());
        long read = Math.min(spec.read() == null ? l.read() : spec.read(), l.read());
        Duration readTimeout = capped(Duration.ofSeconds(read), ctx.deadline());
        boolean verify = spec.sslVerify() == null ? l.sslVerify() : spec.sslVerify();
        try (CloseableHttpClient client = client(Duration.ofSeconds(connect), readTimeout, verify, l.maxRedirects())) {
            Map<String, Object> outputs;
            try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
                outputs = new ResponseReader(l.maxText(), l.maxBinary()).read(response, url);
            }
            int status = (Integer) outputs.get("status_code");
            if ((status < 200 || status > 299) && spec.failOnErrorStatus()) {
                throw new NodeExecutionException("Request failed with status code " + status, "HTTPResponseCodeError", null);
            }
            return new NodeResult(Map.of(), processData, outputs, null, null);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || (e instanceof InterruptedIOException && ctx.isCancelled())) {
                throw new InterruptedException("http-request interrupted");
            }
            SsrfBlockedException blocked = blocked(e);
            if (blocked != null) {
                throw new NodeExecutionException(blocked.getMessage(), "SsrfBlockedError", blocked);
            }
            throw new NodeExecutionException("HTTP request to " + url + " failed: " + e, "HttpRequestNodeError", e);
        }
    }

    private static SsrfBlockedException blocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SsrfBlockedException s) {
                return s;
            }
        }
        return null;
    }

    /** At most the time left before the node's deadline (never below one second). */
    private static Duration capped(Duration timeout, Instant deadline) {
        if (deadline == null || deadline.equals(Instant.MAX)) {
            return timeout;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(timeout) < 0 ? (left.getSeconds() < 1 ? Duration.ofSeconds(1) : left) : timeout;
    }

    /** A client for one execution: its own connection manager, DNS through the guard, no retries, no cookies. */
    private CloseableHttpClient client(Duration connect, Duration read, boolean verify, int maxRedirects)
            throws NodeExecutionException {
        TlsSocketStrategy tls;
        try {
            tls = verify ? ClientTlsStrategyBuilder.create().setSslContext(SSLContexts.createSystemDefault()).buildClassic()
                    : ClientTlsStrategyBuilder.create()
                            .setSslContext(SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build())
                            .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildClassic();
        } catch (GeneralSecurityException e) {
            throw new NodeExecutionException("cannot set up TLS: " + e.getMessage(), "HttpRequestNodeError", e);
        }
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connect))
                                .setSocketTimeout(Timeout.of(read))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(maxRedirects > 0)
                        .setMaxRedirects(maxRedirects)
                        .setResponseTimeout(Timeout.of(read))
                        .build())
                .setRedirectStrategy(DefaultRedirectStrategy.INSTANCE)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }
}
