package io.tributary.knowledge;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.knowledge.embedding.OnnxMiniLmEmbeddingModel;

/** Registers the offline all-MiniLM-L6-v2 model as {@code tributary/onnx} / {@code all-MiniLM-L6-v2}. */
@Component(service = EmbeddingModel.class, configurationPid = KnowledgeConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {EmbeddingModel.PROVIDER + "=" + OnnxMiniLmEmbeddingModel.PROVIDER_ID,
                EmbeddingModel.MODEL + "=" + OnnxMiniLmEmbeddingModel.MODEL_NAME})
public final class OfflineEmbeddingComponent implements EmbeddingModel {
    private final OnnxMiniLmEmbeddingModel model;

    @Activate
    public OfflineEmbeddingComponent(KnowledgeConfig config) {
        this.model = new OnnxMiniLmEmbeddingModel(config.onnx_threads());
    }

    @Deactivate
    void deactivate() {
        model.close();
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts) throws KnowledgeException {
        return model.embed(texts);
    }
}
