package io.tributary.node.knowledge.datasource;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.datasource.DatasourceType;

/**
 * The datasource providers installed right now (bound and unbound as plugins come and go) and the rule that picks
 * one for a node:
 * <ol>
 * <li>Only providers of the node's {@code provider_type} qualify.</li>
 * <li>A provider's id ({@value DatasourceProperties#PROVIDER}, else its descriptor's) must equal the node's
 *     {@code plugin_id/provider_name} or its {@code plugin_id} (Dify's built-in file source is
 *     {@code langgenius/file} with provider {@code file}); a node naming neither accepts any provider of its type.</li>
 * <li>Among those: the one whose descriptor's datasource name equals {@code datasource_name}, then the exact
 *     {@code plugin_id/provider_name} match, then the highest {@code service.ranking}, then the newest registration
 *     (highest {@code service.id}), so a version installed beside an old one serves new runs at once.</li>
 * </ol>
 */
public final class DatasourceProviders {

    /** One bound provider with its service properties. */
    record Registration(DatasourceType type, String providerId, int ranking, long serviceId,
                        DatasourceProvider provider) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** Adds a provider reached through the SPI of {@code type}, with its service properties. */
    public void add(DatasourceType type, DatasourceProvider provider, Map<String, ?> properties) {
        Object id = properties.get(DatasourceProperties.PROVIDER);
        String providerId = id instanceof String s && !s.isBlank() ? s.strip() : descriptorProvider(provider);
        int ranking = properties.get("service.ranking") instanceof Integer r ? r : 0;
        long serviceId = properties.get("service.id") instanceof Long l ? l : 0L;
        registrations.add(new Registration(type, providerId, ranking, serviceId, provider));
    }

    /** Removes a provider (the same object that was added through the SPI of {@code type}). */
    public void remove(DatasourceType type, DatasourceProvider provider) {
        registrations.removeIf(r -> r.type() == type && r.provider() == provider);
    }

    private static String descriptorProvider(DatasourceProvider provider) {
        try {
            String p = provider.descriptor().provider();
            return p == null ? "" : p;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The provider for a node, by the rule above, or empty. */
    Optional<DatasourceProvider> find(DatasourceSpec spec) {
        Comparator<Registration> best = Comparator
                .comparing((Registration r) -> datasourceName(r).equals(spec.datasourceName()))
                .thenComparing(r -> r.providerId().equals(spec.providerId()))
                .thenComparingInt(Registration::ranking)
                .thenComparingLong(Registration::serviceId);
        return registrations.stream()
                .filter(r -> r.type() == spec.type() && identityMatches(r, spec))
                .max(best)
                .map(Registration::provider);
    }

    private static boolean identityMatches(Registration r, DatasourceSpec spec) {
        if (spec.pluginId().isEmpty() && spec.providerName().isEmpty()) {
            return true;
        }
        return r.providerId().equals(spec.providerId()) || r.providerId().equals(spec.pluginId());
    }

    private static String datasourceName(Registration r) {
        try {
            String d = r.provider().descriptor().datasource();
            return d == null ? "" : d;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Ids of the installed providers of a type, for messages. */
    List<String> installed(DatasourceType type) {
        return registrations.stream().filter(r -> r.type() == type).map(Registration::providerId).distinct().sorted()
                .toList();
    }
}
