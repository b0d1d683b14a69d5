package io.tributary.api.datasource;

import org.osgi.annotation.versioning.ConsumerType;

/** {@code local_file}: files uploaded through the API, addressed by reference ({@code related_id}). */
@ConsumerType
public interface LocalFileSource extends DatasourceProvider {

    /**
     * The uploaded file with this reference.
     *
     * @throws DatasourceException when there is no such file ("File is not exist.")
     */
    SourceFile resolve(String reference) throws DatasourceException;
}
