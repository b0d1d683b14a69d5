/**
 * Persistence services provided by the store bundle (H2 embedded by default, PostgreSQL when configured):
 * API keys (stored as hashes only) and records of installed plugins.
 *
 * <p>Every method may throw {@link io.tributary.api.store.StoreException} when the database fails; callers
 * report it as a server error, never as the client's fault.
 */
@Export
@Version("1.0.0")
package io.tributary.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
