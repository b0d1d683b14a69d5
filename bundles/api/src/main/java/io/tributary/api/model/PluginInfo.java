package io.tributary.api.model;

import java.util.List;

/**
 * A bundle installed in the runtime, with what it contributes.
 *
 * @param bundleId     framework bundle id
 * @param symbolicName Bundle-SymbolicName
 * @param version      Bundle-Version
 * @param state        {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code ACTIVE}, {@code STOPPING},
 *                     {@code UNINSTALLED}, or {@link #QUARANTINED} for a plugin kept from starting
 * @param location     where it was installed from
 * @param core         true for the core bundle set shipped in {@code bundle/}; false for plugins
 * @param fragment     true for a fragment bundle (never ACTIVE, RESOLVED when attached)
 * @param nodeTypes    node types this bundle registers
 * @param dataSources  datasource providers this bundle registers, as {@code type:provider}
 * @param error        why a quarantined plugin is kept from starting; null otherwise
 */
public record PluginInfo(long bundleId, String symbolicName, String version, String state, String location,
                         boolean core, boolean fragment, List<NodeTypeInfo> nodeTypes, List<String> dataSources,
                         String error) {
    /**
     * The state of a plugin that failed, hung or ended the process while it started: it stays installed but is
     * not started again until an admin asks.
     */
    public static final String QUARANTINED = "QUARANTINED";

    public PluginInfo {
        nodeTypes = List.copyOf(nodeTypes);
        dataSources = List.copyOf(dataSources);
    }

    /** A bundle with no error. */
    public PluginInfo(long bundleId, String symbolicName, String version, String state, String location,
                      boolean core, boolean fragment, List<NodeTypeInfo> nodeTypes, List<String> dataSources) {
        this(bundleId, symbolicName, version, state, location, core, fragment, nodeTypes, dataSources, null);
    }

    /** True when the bundle is doing its job: ACTIVE, or RESOLVED for a fragment. */
    public boolean healthy() {
        return "ACTIVE".equals(state) || fragment && "RESOLVED".equals(state);
    }
}
