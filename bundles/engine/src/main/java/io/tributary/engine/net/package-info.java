/**
 * The SSRF guard: {@link io.tributary.engine.net.SsrfGuardImpl} classifies resolved addresses with
 * {@link io.tributary.engine.net.AddressPolicy} and applies the configured
 * {@link io.tributary.engine.net.Allowlist}. Private to the engine bundle; other bundles use
 * {@link io.tributary.api.net.SsrfGuard}.
 */
package io.tributary.engine.net;
