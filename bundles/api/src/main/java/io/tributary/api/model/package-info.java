/**
 * Immutable records shared by every part of Tributary: the graph model (the shape of a Dify DSL's
 * {@code workflow.graph}) and descriptions of installed node types.
 *
 * <p>Records here carry data only; they never hold service objects or class loaders of plugins, so they
 * can be kept, logged and serialised freely.
 */
@Export
@Version("1.3.0")
package io.tributary.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
