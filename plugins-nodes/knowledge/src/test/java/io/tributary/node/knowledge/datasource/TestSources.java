package io.tributary.node.knowledge.datasource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.api.datasource.DatasourceDescriptor;
import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.LocalFile;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.SourceFile;

/**
 * Small datasource providers written for these tests. A datasource provider is a plugin: these are what a vendor
 * bundle registers, reduced to serving fixed content, and they record every call.
 */
final class TestSources {
    private TestSources() {
    }

    static Map<String, Object> props(DatasourceType type, String provider, long serviceId) {
        return Map.of(DatasourceProperties.TYPE, type.wireName(), DatasourceProperties.PROVIDER, provider,
                "service.id", serviceId, "service.ranking", 0);
    }

    /** An online_document provider with one page per id; {@code fail} makes every call fail. */
    static final class Pages implements OnlineDocumentSource {
        final String provider;
        final String datasource;
        final List<List<Object>> calls = new CopyOnWriteArrayList<>();
        volatile Exception fail;

        Pages(String provider, String datasource) {
            this.provider = provider;
            this.datasource = datasource;
        }

        @Override
        public DatasourceDescriptor descriptor() {
            return new DatasourceDescriptor(provider, datasource, DatasourceType.ONLINE_DOCUMENT, provider, null,
                    null);
        }

        @Override
        public List<Workspace> listPages(Map<String, Object> credentials, Map<String, Object> parameters,
                String cursor) {
            return List.of();
        }

        @Override
        public PageContent getPage(Map<String, Object> credentials, String workspaceId, String pageId, String type)
                throws DatasourceException {
            calls.add(List.of(credentials, workspaceId, pageId, type));
            if (fail instanceof DatasourceException e) {
                throw e;
            }
            if (fail instanceof RuntimeException e) {
                throw e;
            }
            return new PageContent(workspaceId, pageId, "Title of " + pageId, "# " + pageId + "\n\nserved by "
                    + provider, Map.of("last_edited_time", "2026-01-02T03:04:05Z", "title", "metadata title"));
        }
    }

    /** A local_file provider over an in-memory map of uploads (id → name, MIME type, content). */
    static final class Uploads implements LocalFileSource {
        record Upload(String name, String mime, byte[] content) {
        }

        final Map<String, Upload> uploads;

        Uploads(Map<String, Upload> uploads) {
            this.uploads = uploads;
        }

        @Override
        public DatasourceDescriptor descriptor() {
            return new DatasourceDescriptor("langgenius/file", "upload-file", DatasourceType.LOCAL_FILE, "File", null,
                    null);
        }

        @Override
        public LocalFile resolve(String reference) throws DatasourceException {
            Upload u = uploads.get(reference);
            if (u == null) {
                throw new DatasourceException("File is not exist.");
            }
            return new LocalFile(reference, u.name(), u.mime(), u.content().length);
        }
    }

    /** An online_drive provider serving one text file per id. */
    static final class Drive implements OnlineDriveSource {
        final List<List<Object>> calls = new CopyOnWriteArrayList<>();
        final int size;

        Drive(int size) {
            this.size = size;
        }

        @Override
        public DatasourceDescriptor descriptor() {
            return new DatasourceDescriptor("langgenius/s3_datasource/s3", "s3", DatasourceType.ONLINE_DRIVE, "S3",
                    null, null);
        }

        @Override
        public List<DriveListing> browse(Map<String, Object> credentials, BrowseRequest request) {
            return List.of();
        }

        @Override
        public SourceFile download(Map<String, Object> credentials, String bucket, String id) {
            calls.add(List.of(credentials, bucket, id));
            byte[] content = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
            return new SourceFile(id.substring(id.lastIndexOf('/') + 1), "text/plain", content.length,
                    () -> new ByteArrayInputStream(content));
        }
    }
}
