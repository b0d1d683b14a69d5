package io.tributary.api.datasource;

import java.util.Objects;
import java.util.Optional;

/**
 * One installed datasource provider, as the {@link DatasourceRegistry} tracks it.
 *
 * @param type       the SPI it is registered under ({@link LocalFileSource} is {@code local_file}, ...)
 * @param providerId its id: the {@value DatasourceProperties#PROVIDER} service property, else its descriptor's
 *                   {@code provider}; {@code plugin_id/provider_name} or just {@code plugin_id}
 * @param datasource the datasource name its descriptor gives ({@code upload-file}), or empty
 * @param label      its descriptor's label, or empty
 * @param bundle     the providing bundle, {@code symbolic-name version} ({@code io.tributary.datasource.localfile
 *                   0.1.0.SNAPSHOT}); empty when unknown
 * @param ranking    its {@code service.ranking} (0 when unset)
 * @param serviceId  its {@code service.id} (higher is newer)
 * @param provider   the service object
 */
public record InstalledDatasource(DatasourceType type, String providerId, String datasource, String label,
                                  String bundle, int ranking, long serviceId, DatasourceProvider provider) {
    public InstalledDatasource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(provider, "provider");
        providerId = providerId == null ? "" : providerId;
        datasource = datasource == null ? "" : datasource;
        label = label == null ? "" : label;
        bundle = bundle == null ? "" : bundle;
    }

    /** The provider as {@code spi} ({@link OnlineDriveSource}, ...), or empty when it does not implement it. */
    public <T extends DatasourceProvider> Optional<T> as(Class<T> spi) {
        return spi.isInstance(provider) ? Optional.of(spi.cast(provider)) : Optional.empty();
    }
}
