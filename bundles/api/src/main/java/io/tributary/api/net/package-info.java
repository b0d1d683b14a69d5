/**
 * Outbound network access for server-side fetches (the {@code http-request} node, website crawls,
 * {@code file_url} downloads, remote files): the {@link io.tributary.api.net.SsrfGuard} service that every
 * such connection goes through.
 *
 * <h2>Policy</h2>
 * After DNS resolution, addresses that reach the machine itself or the private network are refused:
 * loopback, private (RFC 1918, {@code fc00::/7}), link-local, unspecified, multicast, broadcast and reserved,
 * carrier-grade NAT ({@code 100.64.0.0/10}) and cloud metadata endpoints, in IPv4, IPv6 and IPv4-embedding
 * IPv6 forms. Administrators allow exceptions with the configuration PID {@value
 * io.tributary.api.net.SsrfGuard#PID}, key {@value io.tributary.api.net.SsrfGuard#ALLOW_KEY} (or the
 * environment variable {@value io.tributary.api.net.SsrfGuard#ALLOW_ENV}).
 *
 * <h2>Use</h2>
 * Resolve through {@link io.tributary.api.net.SsrfGuard#resolve} and connect only to the addresses it
 * returns (for example from an HTTP client's DNS-resolver hook), so there is no window between the check
 * and the connection; re-resolve for every redirect.
 */
@Export
@Version("1.0.0")
package io.tributary.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
