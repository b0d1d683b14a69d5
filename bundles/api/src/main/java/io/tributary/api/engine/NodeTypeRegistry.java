package io.tributary.api.engine;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.model.NodeTypeInfo;

/**
 * Every installed node type, tracked from the service registry with the bundle that provides it.
 *
 * <p>Version requirements follow the DSL: {@code null} or {@code ""} or {@code "latest"} → the highest
 * installed version; {@code "1"} → the highest 1.x; {@code "1.2"} → the highest 1.2.x; {@code "1.2.3"} →
 * exactly that; an OSGi range such as {@code "[1.2,2)"} → the highest inside it.
 */
@ProviderType
public interface NodeTypeRegistry {

    /** Every registered (type, version), sorted by type then version. */
    List<NodeTypeInfo> list();

    /**
     * Resolves a node type and takes a lease on it: until the lease is closed, the providing bundle counts
     * one more in-flight use and is not retired. A run takes one lease per node when it starts and closes
     * them when it ends.
     *
     * @param type    Dify type string
     * @param tool    for {@code type=tool}, {@code provider_id/tool_name}; otherwise {@code null}
     * @param version version requirement as described above
     * @throws NodeTypeNotInstalledException when nothing installed matches; its message reads
     *                                       {@code node type 'X' version 'Y' is not installed}
     */
    NodeTypeLease acquire(String type, String tool, String version) throws NodeTypeNotInstalledException;

    /** Like {@link #acquire} but only says what would be chosen, taking no lease. */
    NodeTypeInfo resolve(String type, String tool, String version) throws NodeTypeNotInstalledException;

    /** How many leases are open on node types of this bundle. */
    int inFlight(long bundleId);

    /**
     * Waits until no lease is open on node types of this bundle.
     *
     * @return true when drained, false when the timeout passed first
     */
    boolean awaitDrained(long bundleId, Duration timeout) throws InterruptedException;
}
