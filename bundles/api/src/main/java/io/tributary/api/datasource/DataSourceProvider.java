package io.tributary.api.datasource;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** What every datasource provider has in common. */
@ConsumerType
public interface DataSourceProvider {

    /** Identity and schemas. */
    DataSourceDescriptor descriptor();

    /**
     * Checks credentials against the remote service.
     *
     * @throws DataSourceException when they do not work; the message says why
     */
    default void checkCredentials(Map<String, Object> credentials) throws DataSourceException {
    }
}
