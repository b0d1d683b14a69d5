package io.tributary.api.engine;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeType;

/**
 * A resolved node type held for the length of a run. Closing it (once; further calls do nothing) lets the
 * providing bundle drain.
 */
@ProviderType
public interface NodeTypeLease extends AutoCloseable {

    /** What was resolved. */
    NodeTypeInfo info();

    /** The factory; valid until the lease is closed. */
    NodeType nodeType();

    @Override
    void close();
}
