/**
 * What the engine provides to other bundles: the node-type registry (several versions side by side, version
 * resolution, in-flight usage per providing bundle) and plugin administration (install beside, drain,
 * retire).
 *
 * <p>Every type here is implemented by the engine bundle ({@code @ProviderType}); plugins and the HTTP layer
 * only call them.
 */
@Export
@Version("1.0.0")
package io.tributary.api.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
