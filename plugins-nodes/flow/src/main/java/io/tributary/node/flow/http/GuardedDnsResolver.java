package io.tributary.node.flow.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

import io.tributary.api.net.SsrfGuard;

/**
 * HttpClient's DNS hook backed by {@link SsrfGuard#resolve}: the client only ever sees allowed addresses,
 * and a blocked host fails the connection with the guard's {@link io.tributary.api.net.SsrfBlockedException}.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final SsrfGuard guard;

    GuardedDnsResolver(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Never ask DNS for a canonical name: the name the user gave is what TLS and the allowlist see.
        return host;
    }
}
