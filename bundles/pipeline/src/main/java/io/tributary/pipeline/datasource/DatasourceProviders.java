package io.tributary.pipeline.datasource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.pipeline.definition.DatasourceNode;

/**
 * The datasource providers installed right now, as the owning component's dynamic references bind and unbind
 * them. A node is served by the provider whose {@value DatasourceProperties#PROVIDER} property is the node's
 * {@code plugin_id/provider_name} or its {@code plugin_id}; when no provider id matches and exactly one provider
 * of the wanted kind is installed, that one serves it.
 */
public final class DatasourceProviders {
    private record Bound(Object provider, String providerId) {
    }

    private final List<Bound> bound = new CopyOnWriteArrayList<>();

    /** Adds a provider with its service properties. */
    public void add(DatasourceProvider provider, Map<String, ?> properties) {
        Object id = properties.get(DatasourceProperties.PROVIDER);
        bound.add(new Bound(provider, id == null ? "" : id.toString()));
    }

    /** Removes a provider. */
    public void remove(DatasourceProvider provider) {
        bound.removeIf(b -> b.provider() == provider);
    }

    /**
     * The provider of this kind that serves {@code node}, or {@code null}: its provider id must be
     * {@code plugin_id/provider_name} or {@code plugin_id}, the rule the {@code datasource} node type applies at run
     * time (there is no fallback to another provider of the same kind).
     */
    public <T> T forNode(DatasourceNode node, Class<T> kind) {
        String full = node.pluginId() + "/" + node.providerName();
        List<Bound> ofKind = bound.stream().filter(b -> kind.isInstance(b.provider())).toList();
        for (Bound b : ofKind) {
            if (b.providerId().equals(full) || b.providerId().equals(node.pluginId())) {
                return kind.cast(b.provider());
            }
        }
        return null;
    }
}
