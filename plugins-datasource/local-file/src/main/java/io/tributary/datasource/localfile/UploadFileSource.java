package io.tributary.datasource.localfile;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.datasource.DatasourceDescriptor;
import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.LocalFile;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.dto.UploadFile;

/**
 * The {@code local_file} datasource (Dify's built-in {@code langgenius/file}, datasource {@code upload-file}): a
 * reference ({@code related_id}) is the id of a file uploaded with a dataset key into the {@link FileStore}: an
 * app's uploads are unknown here ({@code UploadFile.DATASETS_SCOPE}); unscoped ones, older than scopes, resolve.
 * It needs no credentials and has no parameters. It resolves metadata only: the nodes that need the bytes read
 * them from the file store by the same id.
 */
@Component(service = LocalFileSource.class)
@DatasourceProperties(type = "local_file", provider = UploadFileSource.PROVIDER)
public final class UploadFileSource implements LocalFileSource {
    static final String PROVIDER = "langgenius/file";
    static final String DATASOURCE = "upload-file";
    static final String NOT_FOUND = "File is not exist.";

    private static final DatasourceDescriptor DESCRIPTOR = new DatasourceDescriptor(PROVIDER, DATASOURCE,
            DatasourceType.LOCAL_FILE, "File", Map.of(), Map.of());

    private final FileStore files;

    @Activate
    public UploadFileSource(@Reference FileStore files) {
        this.files = files;
    }

    @Override
    public DatasourceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LocalFile resolve(String reference) throws DatasourceException {
        if (reference == null || reference.isBlank()) {
            throw new DatasourceException(NOT_FOUND);
        }
        String id = reference.strip();
        Optional<UploadFile> file;
        try {
            // an app's upload is as unknown; unscoped files (stored before scopes existed) still resolve
            file = files.file(id).filter(f -> f.scope().isEmpty() || f.scope().equals(UploadFile.DATASETS_SCOPE));
        } catch (IllegalArgumentException e) {
            // a reference that cannot be an id at all (the store may parse it as a UUID)
            throw new DatasourceException(NOT_FOUND, e);
        }
        UploadFile f = file.orElseThrow(() -> new DatasourceException(NOT_FOUND));
        return new LocalFile(f.id(), f.name(), f.mimeType(), f.size());
    }
}
