package io.tributary.knowledge;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RerankModel;
import io.tributary.api.knowledge.RetrievalRecord;
import io.tributary.api.knowledge.RetrievalSettings;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.knowledge.index.DatasetIndexes;

/**
 * The {@link KnowledgeBase} service: indexes under {@code <data.dir>/knowledge/}, the store's
 * {@link DatasetStore}, and every {@link EmbeddingModel} and {@link RerankModel} service (tracked dynamically).
 * The indexes are closed on deactivation.
 */
@Component(service = KnowledgeBase.class, configurationPid = KnowledgeConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KnowledgeConfig.class)
public final class KnowledgeBaseComponent implements KnowledgeBase {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseComponent.class);

    private final Models models;
    private final DatasetIndexes indexes;
    private final KnowledgeService service;

    @Activate
    public KnowledgeBaseComponent(BundleContext ctx, KnowledgeConfig config, @Reference DatasetStore store) {
        this.models = new Models(config.default_embedding_provider(), config.default_embedding_model());
        String data = config.data_dir().isBlank() ? ctx.getProperty("tributary.data.dir") : config.data_dir();
        Path root = (data == null || data.isBlank() ? ctx.getDataFile("knowledge").toPath()
                : Paths.get(data, "knowledge")).toAbsolutePath().normalize();
        this.indexes = new DatasetIndexes(root);
        this.service = new KnowledgeService(store, indexes, models);
        LOG.info("Knowledge indexes in {}; default embedding model {} / {}", root,
                config.default_embedding_provider(), config.default_embedding_model());
    }

    // DS calls bind methods after the constructor (which activates this component), so models is set.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEmbedding")
    void addEmbedding(EmbeddingModel model, Map<String, Object> props) {
        models.addEmbedding(string(props.get(EmbeddingModel.PROVIDER)),
                string(props.get(EmbeddingModel.MODEL)), model);
    }

    void removeEmbedding(EmbeddingModel model) {
        models.removeEmbedding(model);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRerank")
    void addRerank(RerankModel model, Map<String, Object> props) {
        models.addRerank(string(props.get(RerankModel.PROVIDER)),
                string(props.get(RerankModel.MODEL)), model);
    }

    void removeRerank(RerankModel model) {
        models.removeRerank(model);
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString();
    }

    @Deactivate
    void deactivate() {
        indexes.close();
    }

    @Override
    public List<SegmentRecord> indexDocument(String datasetId, String documentId, List<NewSegment> segments)
            throws KnowledgeException {
        return service.indexDocument(datasetId, documentId, segments);
    }

    @Override
    public boolean deleteDocument(String datasetId, String documentId) {
        return service.deleteDocument(datasetId, documentId);
    }

    @Override
    public void deleteIndex(String datasetId) {
        service.deleteIndex(datasetId);
    }

    @Override
    public List<RetrievalRecord> retrieve(String datasetId, String query, RetrievalSettings settings)
            throws KnowledgeException {
        return service.retrieve(datasetId, query, settings);
    }

    @Override
    public Set<String> indexedSegmentIds(String datasetId) {
        return service.indexedSegmentIds(datasetId);
    }
}
