package io.tributary.api.datasource;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** {@code online_drive}: S3-style buckets of files and folders. */
@ConsumerType
public interface OnlineDriveSource extends DatasourceProvider {

    /** A browse request; {@code bucket} {@code null} lists buckets. */
    record BrowseRequest(String bucket, String prefix, int maxKeys, Map<String, Object> nextPageParameters) {
    }

    /** A file or folder ({@code type} is {@code file} or {@code folder}). */
    record DriveFile(String id, String name, long size, String type) {
    }

    /** One bucket's page of files. */
    record DriveListing(String bucket, List<DriveFile> files, boolean truncated,
                        Map<String, Object> nextPageParameters) {
        public DriveListing {
            files = List.copyOf(files);
        }
    }

    /** One page of a listing. */
    List<DriveListing> browse(Map<String, Object> credentials, BrowseRequest request)
            throws DatasourceException, InterruptedException;

    /** Downloads one file (streamed). */
    SourceFile download(Map<String, Object> credentials, String bucket, String id)
            throws DatasourceException, InterruptedException;
}
