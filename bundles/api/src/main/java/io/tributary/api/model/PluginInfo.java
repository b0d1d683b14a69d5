package io.tributary.api.model;

import java.util.List;

/**
 * A bundle installed in the runtime, with what it contributes.
 *
 * @param bundleId     framework bundle id
 * @param symbolicName Bundle-SymbolicName
 * @param version      Bundle-Version
 * @param state        {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code ACTIVE}, {@code STOPPING}
 *                     or {@code UNINSTALLED}
 * @param location     where it was installed from
 * @param core         true for the core bundle set shipped in {@code bundle/}; false for plugins
 * @param fragment     true for a fragment bundle (never ACTIVE, RESOLVED when attached)
 * @param nodeTypes    node types this bundle registers
 * @param dataSources  datasource providers this bundle registers, as {@code type:provider}
 */
public record PluginInfo(long bundleId, String symbolicName, String version, String state, String location,
                         boolean core, boolean fragment, List<NodeTypeInfo> nodeTypes, List<String> dataSources) {
    public PluginInfo {
        nodeTypes = List.copyOf(nodeTypes);
        dataSources = List.copyOf(dataSources);
    }

    /** True when the bundle is doing its job: ACTIVE, or RESOLVED for a fragment. */
    public boolean healthy() {
        return "ACTIVE".equals(state) || fragment && "RESOLVED".equals(state);
    }
}
