package io.tributary.api.datasource;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** What every datasource provider has in common. */
@ConsumerType
public interface DatasourceProvider {

    /** Identity and schemas. */
    DatasourceDescriptor descriptor();

    /**
     * Checks credentials against the remote service.
     *
     * @throws DatasourceException when they do not work; the message says why
     */
    default void checkCredentials(Map<String, Object> credentials) throws DatasourceException {
    }
}
