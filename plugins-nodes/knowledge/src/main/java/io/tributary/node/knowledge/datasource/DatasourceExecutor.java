package io.tributary.node.knowledge.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.InstalledDatasource;
import io.tributary.api.datasource.LocalFile;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.SourceFile;
import io.tributary.api.model.SystemVariables;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.dto.UploadFile;

/**
 * Runs one datasource node: reads {@code sys.datasource_type} and {@code sys.datasource_info}, calls the provider
 * the node names (the {@link DatasourceRegistry} picks it) and outputs what Dify's datasource node outputs for that type.
 * Every failure is a {@link NodeExecutionException} "Failed to invoke datasource: ..." of type
 * {@value #ERROR_TYPE}.
 */
final class DatasourceExecutor implements NodeExecutor {
    static final String ERROR_TYPE = "DatasourceNodeError";

    private final DatasourceSpec spec;
    private final DatasourceRegistry providers;
    private final Supplier<FileStore> files;
    private final CredentialSource credentials;
    private final long maxFileSize;

    DatasourceExecutor(DatasourceSpec spec, DatasourceRegistry providers, Supplier<FileStore> files,
            CredentialSource credentials, long maxFileSize) {
        this.spec = spec;
        this.providers = providers;
        this.files = files;
        this.credentials = credentials;
        this.maxFileSize = maxFileSize;
    }

    @Override
    public NodeResult execute(NodeContext ctx) throws NodeExecutionException, InterruptedException {
        Object rawInfo = ctx.variables().get(List.of(SystemVariables.NODE_ID, SystemVariables.DATASOURCE_INFO));
        if (!(rawInfo instanceof Map<?, ?>)) {
            throw new NodeExecutionException("Invalid datasource info format", ERROR_TYPE, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) rawInfo;
        Object sysType = ctx.variables().get(List.of(SystemVariables.NODE_ID, SystemVariables.DATASOURCE_TYPE));
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
            ctx.log().error("datasource provider {} failed: {}", spec.key().describe(), e.toString(), e);
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
        NodeData item = NodeData.of(spec.nodeId(), info);
        String reference = item.text("related_id");
        if (reference == null) {
            reference = item.text("reference");
        }
        if (reference == null) {
            throw new DatasourceException("File is not exist.");
        }
        LocalFileSource source = provider(LocalFileSource.class);
        LocalFile file = source.resolve(reference);
        if (file == null) {
            throw new DatasourceException("File is not exist.");
        }
        // the File value names the file-store id; the document extractor reads the content from there
        outputs.put("file", FileValues.file("local_file", file.id(), file.name(), file.mimeType(), file.size()));
    }

    private void onlineDocument(Map<String, Object> info, Map<String, Object> outputs)
            throws DatasourceException, NodeExecutionException, InterruptedException {
        NodeData item = NodeData.of(spec.nodeId(), info);
        NodeData page = item.raw("page") instanceof Map<?, ?> ? item.object("page") : item;
        String workspaceId = item.string("workspace_id");
        String pageId = page.string("page_id");
        String type = page.string("type");
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
        NodeData item = NodeData.of(spec.nodeId(), info);
        String id = item.text("id");
        if (id == null) {
            throw new DatasourceException("datasource_info needs the file's id");
        }
        String bucket = item.text("bucket");
        OnlineDriveSource source = provider(OnlineDriveSource.class);
        FileStore store = files.get();
        if (store == null) {
            throw failure("the file store is not available");
        }
        SourceFile file = source.download(credentials(info), bucket, id);
        String name = file.name() == null || file.name().isBlank() ? lastSegment(id) : file.name();
        Object user = ctx.variables().get(List.of(SystemVariables.NODE_ID, SystemVariables.USER_ID));
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
        return credentials.credentials(spec.providerId(), NodeData.of(spec.nodeId(), info).text("credential_id"));
    }

    private <T extends DatasourceProvider> T provider(Class<T> spi) throws NodeExecutionException {
        InstalledDatasource p = providers.find(spec.key()).orElseThrow(() -> notInstalled());
        return p.as(spi).orElseThrow(() -> failure("provider " + spec.key().describe() + " does not implement "
                + spi.getSimpleName()));
    }

    private NodeExecutionException notInstalled() {
        List<String> installed = providers.installed(spec.type()).stream().map(InstalledDatasource::providerId)
                .distinct().sorted().toList();
        return failure(spec.key().notInstalled()
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
