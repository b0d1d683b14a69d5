package io.tributary.node.knowledge.datasource;

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

import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.store.FileStore;

/**
 * {@code datasource}: the root of a knowledge pipeline. Dispatches by {@code provider_type} to the installed
 * datasource provider the node names, as the {@link DatasourceRegistry} picks it at run time (its javadoc is the
 * rule); datasource bundles can be deployed and removed while the node type stays up. See
 * {@link DatasourceExecutor} for the outputs.
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

    private final DatasourceRegistry providers;
    private final CredentialSource credentials;
    private volatile FileStore files;
    private volatile long maxFileSize;

    @Activate
    public DatasourceNodeType(Config config, @Reference DatasourceRegistry providers) {
        this(providers, CredentialSource.NONE, null, config.max_file_size());
    }

    /** For tests: explicit providers, credentials, file store (may be {@code null}) and download limit. */
    public DatasourceNodeType(DatasourceRegistry providers, CredentialSource credentials, FileStore files,
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

    // ---- the file store for online_drive downloads (providers come from the DatasourceRegistry)

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
