package io.tributary.node.knowledge.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.SourceFile;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.node.knowledge.NodeData;

/**
 * Runs one datasource node: reads {@code sys.datasource_type} and {@code sys.datasource_info}, calls the provider
 * the node names (see {@link DatasourceProviders}) and outputs what Dify's datasource node outputs for that type.
 * Every failure is a {@link NodeExecutionException} "Failed to invoke datasource: ..." of type
 * {@value #ERROR_TYPE}.
 */
final class DatasourceExecutor implements NodeExecutor {
    static final String ERROR_TYPE = "DatasourceNodeError";

    private final DatasourceSpec spec;
    private final DatasourceProviders providers;
    private final Supplier<FileStore> files;
    private final CredentialSource credentials;
    private final long maxFileSize;

    DatasourceExecutor(DatasourceSpec spec, DatasourceProviders providers, Supplier<FileStore> files,
            CredentialSource credentials, long maxFileSize) {
        this.spec = spec;
        this.providers = providers;
        this.files = files;
        this.credentials = credentials;
        this.maxFileSize = maxFileSize;
    }

    @Override
    public NodeResult execute(NodeContext ctx) throws NodeExecutionException, InterruptedException {
        Object rawInfo = ctx.variables().get(List.of("sys", "datasource_info"));
        if (!(rawInfo instanceof Map<?, ?>)) {
            throw new NodeExecutionException("Invalid datasource info format", ERROR_TYPE, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) rawInfo;
        Object sysType = ctx.variables().get(List.of("sys", "datasource_type"));
        if (sysType != null && !spec.type().wireName().equals(sysType)) {
            throw failure("datasource type '" + sysType + "' does not match the node's provider type '"
                    + spec.type().wireName() + "'");
        }
        Map<String, Object> inputs = DatasourceParameters.resolve(spec.parameters(), ctx.variables());
        Map<String, Object> outputs = new LinkedHashMap<>();
        try {
            switch (spec.type()) {
                case LOCAL_FILE -> localFile(info, outputs);
                case ONLINE_DOCUMENT -> onlineDocument(info, outputs);
                case WEBSITE_CRAWL -> outputs.putAll(info);
                case ONLINE_DRIVE -> onlineDrive(info, ctx, outputs);
            }
        } catch (DatasourceException e) {
            throw failure(e.getMessage(), e);
        } catch (RuntimeException e) {
            // a plugin bug: fail the node the same way, keep the stack trace in the log
            ctx.log().error("datasource provider {} failed: {}", spec.describe(), e.toString(), e);
            throw failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        outputs.put("datasource_type", spec.type().wireName());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("datasource_info", info);
        Map<String, Object> processData = new LinkedHashMap<>();
        processData.put("datasource_type", spec.type().wireName());
        processData.put("provider", spec.providerId());
        processData.put("datasource_info", info);
        return new NodeResult(inputs, processData, outputs, metadata, null);
    }

    private void localFile(Map<String, Object> info, Map<String, Object> outputs)
            throws DatasourceException, NodeExecutionException, InterruptedException {
        String reference = NodeData.text(info, "related_id");
        if (reference == null) {
            reference = NodeData.text(info, "reference");
        }
        if (reference == null) {
            throw new DatasourceException("File is not exist.");
        }
        LocalFileSource source = provider(LocalFileSource.class);
        SourceFile file = source.resolve(reference);
        outputs.put("file", FileValues.file("local_file", reference, file.name(), file.mimeType(), file.size()));
    }

    private void onlineDocument(Map<String, Object> info, Map<String, Object> outputs)
            throws DatasourceException, NodeExecutionException, InterruptedException {
        Map<String, Object> page = NodeData.object(info, "page");
        String workspaceId = NodeData.string(info, "workspace_id");
        String pageId = page == null ? NodeData.string(info, "page_id") : NodeData.string(page, "page_id");
        String type = page == null ? NodeData.string(info, "type") : NodeData.string(page, "type");
        if (workspaceId == null || pageId == null) {
            throw new DatasourceException("datasource_info needs workspace_id and page.page_id");
        }
        OnlineDocumentSource source = provider(OnlineDocumentSource.class);
        OnlineDocumentSource.PageContent content = source.getPage(credentials(info), workspaceId, pageId,
                type == null ? "page" : type);
        if (content == null) {
            throw new DatasourceException("the provider returned no content for page " + pageId);
        }
        if (content.metadata() != null) {
            outputs.putAll(content.metadata());
        }
        outputs.put("content", content.markdown() == null ? "" : content.markdown());
        outputs.put("page_id", content.pageId() == null ? pageId : content.pageId());
        outputs.put("workspace_id", content.workspaceId() == null ? workspaceId : content.workspaceId());
        outputs.put("title", content.title() == null ? "" : content.title());
    }

    private void onlineDrive(Map<String, Object> info, NodeContext ctx, Map<String, Object> outputs)
            throws DatasourceException, NodeExecutionException, InterruptedException {
        String id = NodeData.text(info, "id");
        if (id == null) {
            throw new DatasourceException("datasource_info needs the file's id");
        }
        String bucket = NodeData.text(info, "bucket");
        OnlineDriveSource source = provider(OnlineDriveSource.class);
        FileStore store = files.get();
        if (store == null) {
            throw failure("the file store is not available");
        }
        SourceFile file = source.download(credentials(info), bucket, id);
        String name = file.name() == null || file.name().isBlank() ? lastSegment(id) : file.name();
        Object user = ctx.variables().get(List.of("sys", "user_id"));
        UploadFile saved;
        try (InputStream in = file.content().open()) {
            saved = store.save(name, file.mimeType(), user instanceof String u ? u : null, in, maxFileSize);
        } catch (IOException e) {
            throw new DatasourceException("downloading " + name + " failed: " + e.getMessage(), e);
        }
        outputs.put("file", FileValues.file("tool_file", saved.id(), saved.name(), saved.mimeType(), saved.size()));
    }

    private static String lastSegment(String id) {
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private Map<String, Object> credentials(Map<String, Object> info) {
        return credentials.credentials(spec.providerId(), NodeData.text(info, "credential_id"));
    }

    private <T extends DatasourceProvider> T provider(Class<T> spi) throws NodeExecutionException {
        DatasourceProvider p = providers.find(spec).orElseThrow(() -> notInstalled());
        if (!spi.isInstance(p)) {
            throw failure("provider " + spec.describe() + " does not implement " + spi.getSimpleName());
        }
        return spi.cast(p);
    }

    private NodeExecutionException notInstalled() {
        List<String> installed = providers.installed(spec.type());
        return failure("datasource provider " + spec.describe() + " is not installed"
                + (installed.isEmpty() ? "" : "; installed " + spec.type().wireName() + " providers: " + installed));
    }

    private static NodeExecutionException failure(String message) {
        return failure(message, null);
    }

    private static NodeExecutionException failure(String message, Throwable cause) {
        return new NodeExecutionException("Failed to invoke datasource: " + message, ERROR_TYPE, cause);
    }

    /** For tests and messages: the type this executor serves. */
    DatasourceType type() {
        return spec.type();
    }
}
