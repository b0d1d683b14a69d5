package io.tributary.api.datasource;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The datasource providers installed right now, and the one rule that picks the provider serving a
 * {@code datasource} node. Providers come and go as their bundles are deployed and removed; every lookup sees the
 * providers registered at that moment. The pipeline service and the {@code datasource} node type both ask this
 * registry; neither keeps a list of its own.
 *
 * <h2>Which provider serves a node ({@link #find})</h2>
 * <ol>
 * <li><b>Type.</b> Only providers registered under the SPI of the node's {@code provider_type} qualify
 *     ({@link LocalFileSource} for {@code local_file}, ...).</li>
 * <li><b>Identity.</b> A provider's id ({@value DatasourceProperties#PROVIDER}, else its descriptor's
 *     {@code provider}) must equal the node's {@code plugin_id/provider_name} (Dify's provider id, dify.md §3.1) or
 *     its {@code plugin_id} alone (a provider registered for a whole plugin, as the built-in file source
 *     {@code langgenius/file} is). A node without a {@code plugin_id} is served by no provider: Dify always
 *     addresses a provider by {@code plugin_id/provider_name} and has no "any provider of this type" fallback.</li>
 * <li><b>Best of those.</b> The one whose descriptor's datasource name equals the node's
 *     {@code datasource_name}; then the one whose id is the full {@code plugin_id/provider_name}; then the highest
 *     {@code service.ranking}; then the newest registration (highest {@code service.id}), so a version installed
 *     beside an old one serves new runs at once. Two registrations equal on all four cannot exist (service ids are
 *     unique), so the choice is never ambiguous. A datasource name that matches no candidate does not exclude them:
 *     Dify's built-in file node defaults {@code datasource_name} to {@code local_file} while its datasource is
 *     {@code upload-file}.</li>
 * </ol>
 * No provider → the caller fails the run with {@link DatasourceKey#notInstalled()}
 * ({@code datasource provider 'a/b' (online_document) is not installed}).
 */
@ProviderType
public interface DatasourceRegistry {

    /** The provider serving a node that names {@code key}, by the rule above, or empty. */
    Optional<InstalledDatasource> find(DatasourceKey key);

    /** Every installed provider, ordered by type, provider id and then newest first. */
    List<InstalledDatasource> installed();

    /** The installed providers of one type, in the order of {@link #installed()}. */
    default List<InstalledDatasource> installed(DatasourceType type) {
        return installed().stream().filter(d -> d.type() == type).toList();
    }
}
