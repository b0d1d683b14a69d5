package io.tributary.node.knowledge.datasource;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.WebsiteCrawlSource;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.store.FileStore;

/**
 * {@code datasource}: the root of a knowledge pipeline. Dispatches by {@code provider_type} to the installed
 * datasource provider the node names ({@link DatasourceProviders}); providers are dynamic references, so datasource
 * bundles can be deployed and removed while the node type stays up. See {@link DatasourceExecutor} for the outputs.
 */
@Component(service = NodeType.class, configurationPid = DatasourceNodeType.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatasourceNodeType.Config.class)
@NodeTypeProperties(type = "datasource", version = "1.0.0")
public final class DatasourceNodeType implements NodeType {
    static final String PID = "io.tributary.node.datasource";

    @ObjectClassDefinition(name = "Tributary datasource node", description = "Limits of the datasource node.")
    public @interface Config {
        @AttributeDefinition(name = "Maximum downloaded file (bytes)",
                description = "online_drive downloads larger than this fail the node.")
        long max_file_size() default 100L * 1024 * 1024;
    }

    private final DatasourceProviders providers;
    private final CredentialSource credentials;
    private volatile FileStore files;
    private volatile long maxFileSize;

    @Activate
    public DatasourceNodeType(Config config) {
        this(new DatasourceProviders(), CredentialSource.NONE, null, config.max_file_size());
    }

    /** For tests: explicit providers, credentials, file store (may be {@code null}) and download limit. */
    public DatasourceNodeType(DatasourceProviders providers, CredentialSource credentials, FileStore files,
            long maxFileSize) {
        this.providers = providers;
        this.credentials = credentials;
        this.files = files;
        this.maxFileSize = maxFileSize;
    }

    @Modified
    void modified(Config config) {
        maxFileSize = config.max_file_size();
    }

    @Override
    public ExecutionType executionType() {
        return ExecutionType.ROOT;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        DatasourceSpec.parse(node);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        return new DatasourceExecutor(DatasourceSpec.parse(node), providers, () -> files, credentials, maxFileSize);
    }

    // ---- dynamic references: one per datasource SPI, plus the file store for online_drive downloads

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeLocalFile")
    void addLocalFile(LocalFileSource source, Map<String, Object> properties) {
        providers.add(DatasourceType.LOCAL_FILE, source, properties);
    }

    void removeLocalFile(LocalFileSource source) {
        providers.remove(DatasourceType.LOCAL_FILE, source);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeOnlineDocument")
    void addOnlineDocument(OnlineDocumentSource source, Map<String, Object> properties) {
        providers.add(DatasourceType.ONLINE_DOCUMENT, source, properties);
    }

    void removeOnlineDocument(OnlineDocumentSource source) {
        providers.remove(DatasourceType.ONLINE_DOCUMENT, source);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeWebsiteCrawl")
    void addWebsiteCrawl(WebsiteCrawlSource source, Map<String, Object> properties) {
        providers.add(DatasourceType.WEBSITE_CRAWL, source, properties);
    }

    void removeWebsiteCrawl(WebsiteCrawlSource source) {
        providers.remove(DatasourceType.WEBSITE_CRAWL, source);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeOnlineDrive")
    void addOnlineDrive(OnlineDriveSource source, Map<String, Object> properties) {
        providers.add(DatasourceType.ONLINE_DRIVE, source, properties);
    }

    void removeOnlineDrive(OnlineDriveSource source) {
        providers.remove(DatasourceType.ONLINE_DRIVE, source);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetFiles")
    void setFiles(FileStore store) {
        files = store;
    }

    void unsetFiles(FileStore store) {
        if (files == store) {
            files = null;
        }
    }
}
