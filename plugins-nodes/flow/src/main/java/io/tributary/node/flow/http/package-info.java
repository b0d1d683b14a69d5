/**
 * The {@code http-request} node. Every connection, redirects included, resolves host names through the
 * {@link io.tributary.api.net.SsrfGuard} service ({@link io.tributary.node.flow.http.GuardedDnsResolver}), so
 * the address that was checked is the address connected to. Apache HttpClient 5 is embedded privately.
 */
package io.tributary.node.flow.http;
