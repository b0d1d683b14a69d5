package io.tributary.api.datasource;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code local_file}: files uploaded through the API into the {@link io.tributary.api.store.FileStore}, addressed by
 * reference ({@code related_id}). A provider only resolves a reference to the stored file; the content is read from
 * the file store by the node that needs it (see {@link LocalFile} for why).
 */
@ConsumerType
public interface LocalFileSource extends DatasourceProvider {

    /**
     * The uploaded file with this reference.
     *
     * @throws DatasourceException when there is no such file ("File is not exist.")
     */
    LocalFile resolve(String reference) throws DatasourceException;
}
