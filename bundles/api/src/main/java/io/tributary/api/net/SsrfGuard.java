package io.tributary.api.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides which remote addresses server-side fetches may connect to. Registered once by the engine bundle;
 * thread-safe; its allowlist can change at any time through configuration.
 *
 * <p>Callers must connect only to addresses returned by {@link #resolve}: checking a host name and then
 * letting a client resolve it again allows DNS rebinding (the second answer may differ).
 */
@ProviderType
public interface SsrfGuard {
    /** Configuration PID of the guard. */
    String PID = "io.tributary.ssrf";
    /** Configuration key: comma-separated host names and CIDR ranges (IPv4 or IPv6) that are allowed. */
    String ALLOW_KEY = "allow";
    /** Environment variable with the same syntax as {@link #ALLOW_KEY}, merged into the allowlist. */
    String ALLOW_ENV = "TRIBUTARY_SSRF_ALLOW";

    /**
     * Resolves a host name (or IP literal, with or without IPv6 brackets) and returns the addresses a
     * connection may use, in resolver order. Blocked addresses are dropped.
     *
     * @throws SsrfBlockedException every address the host resolves to is blocked
     * @throws UnknownHostException the host does not resolve
     */
    List<InetAddress> resolve(String host) throws SsrfBlockedException, UnknownHostException;

    /**
     * Checks a URL before it is fetched: the scheme must be {@code http} or {@code https} and the host must
     * resolve to at least one allowed address. Prefer {@link #resolve} at connection time; this is a
     * pre-flight check (a clear error before any work), not a substitute.
     *
     * @throws SsrfBlockedException the scheme or every resolved address is not allowed
     * @throws UnknownHostException the host does not resolve
     */
    void check(URI uri) throws SsrfBlockedException, UnknownHostException;

    /**
     * Whether one already-resolved address may be connected to when reached through {@code host}.
     *
     * @param host    the name the address was resolved from (host-name allowlist entries match it), or
     *                {@code null}
     * @param address the address
     */
    boolean isAllowed(String host, InetAddress address);
}
