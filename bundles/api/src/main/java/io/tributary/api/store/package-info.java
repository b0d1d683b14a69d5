/**
 * Persistence services provided by the store bundle (H2 embedded by default, PostgreSQL when configured):
 * API keys (stored as hashes only), records of installed plugins, workflow apps with their published
 * versions, recorded runs with their node executions, uploaded files (content on disk by hash), datasets with
 * their pipeline versions, documents, segments and child chunks, and the durable queue of pipeline items.
 *
 * <p>Every method may throw {@link io.tributary.api.store.StoreException} when the database fails; callers
 * report it as a server error, never as the client's fault.
 */
@Export
@Version("2.0.0")
package io.tributary.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
