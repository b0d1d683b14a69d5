/**
 * The records the store's services carry: apps and their published versions, API keys, recorded runs and node
 * executions, uploaded files, datasets, documents, segments, child chunks, pipeline items and plugin records.
 * Immutable values with no behaviour beyond their accessors (enRoute's {@code dto} packages); the services
 * that read and write them are in {@link io.tributary.api.store}.
 */
@Export
@Version("1.0.0")
package io.tributary.api.store.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
