package io.tributary.engine.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.datasource.DatasourceDescriptor;
import io.tributary.api.datasource.DatasourceKey;
import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.InstalledDatasource;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.WebsiteCrawlSource;

/**
 * The {@link DatasourceRegistry}: tracks the provider services of the four datasource SPIs as dynamic references
 * (a provider bundle deployed or removed is seen by the next lookup) and applies the selection rule written in
 * {@link DatasourceRegistry}'s javadoc. A provider's descriptor is read once, when it binds.
 */
@Component(service = DatasourceRegistry.class)
public final class DatasourceRegistryImpl implements DatasourceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DatasourceRegistryImpl.class);
    private static final Comparator<InstalledDatasource> LISTING = Comparator
            .comparing(InstalledDatasource::type)
            .thenComparing(InstalledDatasource::providerId)
            .thenComparing(Comparator.comparingLong(InstalledDatasource::serviceId).reversed());

    private final List<InstalledDatasource> installed = new CopyOnWriteArrayList<>();

    @Override
    public Optional<InstalledDatasource> find(DatasourceKey key) {
        String full = key.providerId();
        if (key.pluginId().isEmpty()) {
            return Optional.empty(); // Dify addresses a provider by plugin_id/provider_name; no "any" fallback
        }
        Comparator<InstalledDatasource> best = Comparator
                .comparing((InstalledDatasource d) -> d.datasource().equals(key.datasourceName()))
                .thenComparing(d -> d.providerId().equals(full))
                .thenComparingInt(InstalledDatasource::ranking)
                .thenComparingLong(InstalledDatasource::serviceId);
        return installed.stream()
                .filter(d -> d.type() == key.type())
                .filter(d -> d.providerId().equals(full) || d.providerId().equals(key.pluginId()))
                .max(best);
    }

    @Override
    public List<InstalledDatasource> installed() {
        return installed.stream().sorted(LISTING).toList();
    }

    // ---- the four SPIs

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeLocalFile")
    void addLocalFile(ServiceReference<LocalFileSource> ref, LocalFileSource provider, Map<String, Object> props) {
        add(DatasourceType.LOCAL_FILE, provider, props, bundleOf(ref));
    }

    void removeLocalFile(LocalFileSource provider) {
        remove(DatasourceType.LOCAL_FILE, provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeOnlineDocument")
    void addOnlineDocument(ServiceReference<OnlineDocumentSource> ref, OnlineDocumentSource provider,
            Map<String, Object> props) {
        add(DatasourceType.ONLINE_DOCUMENT, provider, props, bundleOf(ref));
    }

    void removeOnlineDocument(OnlineDocumentSource provider) {
        remove(DatasourceType.ONLINE_DOCUMENT, provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeWebsiteCrawl")
    void addWebsiteCrawl(ServiceReference<WebsiteCrawlSource> ref, WebsiteCrawlSource provider,
            Map<String, Object> props) {
        add(DatasourceType.WEBSITE_CRAWL, provider, props, bundleOf(ref));
    }

    void removeWebsiteCrawl(WebsiteCrawlSource provider) {
        remove(DatasourceType.WEBSITE_CRAWL, provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeOnlineDrive")
    void addOnlineDrive(ServiceReference<OnlineDriveSource> ref, OnlineDriveSource provider,
            Map<String, Object> props) {
        add(DatasourceType.ONLINE_DRIVE, provider, props, bundleOf(ref));
    }

    void removeOnlineDrive(OnlineDriveSource provider) {
        remove(DatasourceType.ONLINE_DRIVE, provider);
    }

    // ---- the table

    /**
     * Adds a provider reached through the SPI of {@code type}, with its service properties
     * ({@value DatasourceProperties#PROVIDER}, {@code service.ranking}, {@code service.id}) and the providing
     * bundle ({@code symbolic-name version}). Public for tests of the bundles that consult the registry.
     */
    public void add(DatasourceType type, DatasourceProvider provider, Map<String, ?> props, String bundle) {
        DatasourceDescriptor descriptor = descriptor(provider);
        Object id = props.get(DatasourceProperties.PROVIDER);
        String providerId = id instanceof String s && !s.isBlank() ? s.strip()
                : descriptor == null || descriptor.provider() == null ? "" : descriptor.provider().strip();
        int ranking = props.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
        long serviceId = props.get(Constants.SERVICE_ID) instanceof Long l ? l : 0L;
        installed.add(new InstalledDatasource(type, providerId,
                descriptor == null ? "" : descriptor.datasource(), descriptor == null ? "" : descriptor.label(),
                bundle, ranking, serviceId, provider));
    }

    /** {@link #add(DatasourceType, DatasourceProvider, Map, String)} from an unnamed bundle (tests). */
    public void add(DatasourceType type, DatasourceProvider provider, Map<String, ?> props) {
        add(type, provider, props, "");
    }

    /** Removes a provider (the object that was added through the SPI of {@code type}). */
    public void remove(DatasourceType type, DatasourceProvider provider) {
        installed.removeIf(d -> d.type() == type && d.provider() == provider);
    }

    private static DatasourceDescriptor descriptor(DatasourceProvider provider) {
        try {
            return provider.descriptor();
        } catch (RuntimeException e) {
            // a plugin bug: the provider is still selectable by its service property
            LOG.warn("Datasource provider {} failed to describe itself", provider.getClass().getName(), e);
            return null;
        }
    }

    private static String bundleOf(ServiceReference<?> ref) {
        Bundle b = ref == null ? null : ref.getBundle();
        return b == null ? "" : b.getSymbolicName() + " " + b.getVersion();
    }
}
