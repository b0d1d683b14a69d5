package io.tributary.node.extractor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;

import io.tributary.api.net.SsrfBlockedException;
import io.tributary.api.net.SsrfGuard;

/**
 * Downloads {@code remote_url} files. Host names (of the URL and of every redirect) are resolved only by the
 * {@link SsrfGuard}, so the client connects to exactly the addresses the guard allowed; the body is read up to
 * the byte limit.
 */
final class RemoteFiles {
    private final SsrfGuard guard;

    RemoteFiles(SsrfGuard guard) {
        this.guard = guard;
    }

    byte[] download(String url, ExtractorLimits limits) throws ExtractionException, InterruptedException {
        if (guard == null) {
            throw new ExtractionException("remote files are disabled: no SSRF guard is available");
        }
        HttpGet get;
        try {
            get = new HttpGet(url);
            String scheme = get.getUri().getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new ExtractionException("cannot download " + url + ": only http and https URLs are supported");
            }
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            throw new ExtractionException("invalid remote_url " + url, e);
        }
        Timeout timeout = Timeout.of(limits.remoteTimeout());
        try (CloseableHttpClient client = client(timeout);
             ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            int status = response.getCode();
            if (status < 200 || status > 299) {
                throw new ExtractionException("cannot download " + url + ": HTTP status " + status);
            }
            if (response.getEntity() == null) {
                return new byte[0];
            }
            long declared = response.getEntity().getContentLength();
            if (declared > limits.maxBytes()) {
                throw ContentLoader.tooLarge(limits.maxBytes());
            }
            try (InputStream in = response.getEntity().getContent()) {
                return ContentLoader.readLimited(in, limits.maxBytes());
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("download interrupted");
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SsrfBlockedException blocked) {
                    throw new ExtractionException(blocked.getMessage(), blocked);
                }
            }
            String why = e instanceof InterruptedIOException ? "timed out" : e.toString();
            throw new ExtractionException("cannot download " + url + ": " + why, e);
        }
    }

    private CloseableHttpClient client(Timeout timeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardDns(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setMaxRedirects(5).setResponseTimeout(timeout).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** DNS for the client: only what the guard allows; never a canonical-name lookup. */
    private record GuardDns(SsrfGuard guard) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.resolve(host).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
