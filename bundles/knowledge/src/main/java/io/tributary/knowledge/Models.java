package io.tributary.knowledge;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.knowledge.RerankModel;
import io.tributary.api.store.dto.Dataset;

/**
 * The embedding and rerank models at hand, each known by provider and model name, and the rule that picks one.
 *
 * <p>Embedding model for a dataset: the one whose provider and model equal the dataset's
 * {@code embedding_model_provider} and {@code embedding_model}; when there is none (or the dataset names none),
 * the configured default (normally the offline {@code tributary/onnx} / {@code all-MiniLM-L6-v2}). The choice is
 * logged when it changes for a dataset. Rerank model: the one named by the settings; when they name none, the only
 * one there is; else none.
 */
public final class Models {
    private static final Logger LOG = LoggerFactory.getLogger(Models.class);

    /** A model with its names. */
    public record Named<T>(String provider, String model, T service) {
    }

    private final CopyOnWriteArrayList<Named<EmbeddingModel>> embeddings = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Named<RerankModel>> rerankers = new CopyOnWriteArrayList<>();
    private final Map<String, String> lastChoice = new ConcurrentHashMap<>();
    private volatile String defaultProvider;
    private volatile String defaultModel;

    public Models(String defaultProvider, String defaultModel) {
        setDefault(defaultProvider, defaultModel);
    }

    public void setDefault(String provider, String model) {
        this.defaultProvider = provider == null ? "" : provider;
        this.defaultModel = model == null ? "" : model;
    }

    public void addEmbedding(String provider, String model, EmbeddingModel service) {
        embeddings.add(new Named<>(nz(provider), nz(model), service));
    }

    public void removeEmbedding(EmbeddingModel service) {
        embeddings.removeIf(n -> n.service() == service);
    }

    public void addRerank(String provider, String model, RerankModel service) {
        rerankers.add(new Named<>(nz(provider), nz(model), service));
    }

    public void removeRerank(RerankModel service) {
        rerankers.removeIf(n -> n.service() == service);
    }

    /** The embedding model for the dataset, by the rule above. */
    public Named<EmbeddingModel> embeddingFor(Dataset dataset) throws KnowledgeException {
        Named<EmbeddingModel> chosen = find(dataset.embeddingModelProvider(), dataset.embeddingModel());
        if (chosen == null) {
            chosen = find(defaultProvider, defaultModel);
        }
        if (chosen == null) {
            throw new KnowledgeException("No embedding model is available for dataset " + dataset.id()
                    + " (it asks for '" + dataset.embeddingModelProvider() + "' / '" + dataset.embeddingModel()
                    + "', the default is '" + defaultProvider + "' / '" + defaultModel + "')");
        }
        String choice = chosen.provider() + "/" + chosen.model();
        if (!choice.equals(lastChoice.put(dataset.id(), choice))) {
            boolean asked = chosen.provider().equals(dataset.embeddingModelProvider())
                    && chosen.model().equals(dataset.embeddingModel());
            LOG.info("Dataset {} embeds with {} ({})", dataset.id(), choice,
                    asked ? "the model it names" : "the default; it names '" + dataset.embeddingModelProvider()
                            + "' / '" + dataset.embeddingModel() + "'");
        }
        return chosen;
    }

    private Named<EmbeddingModel> find(String provider, String model) {
        for (Named<EmbeddingModel> n : embeddings) {
            if (n.provider().equals(provider) && n.model().equals(model)) {
                return n;
            }
        }
        return null;
    }

    /** The rerank model named (or the only one when none is named), or {@code null}. */
    public RerankModel rerank(String provider, String model) {
        if (nz(provider).isEmpty() && nz(model).isEmpty()) {
            return rerankers.size() == 1 ? rerankers.get(0).service() : null;
        }
        for (Named<RerankModel> n : rerankers) {
            if ((nz(provider).isEmpty() || n.provider().equals(provider)) && n.model().equals(nz(model))) {
                return n.service();
            }
        }
        return null;
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
