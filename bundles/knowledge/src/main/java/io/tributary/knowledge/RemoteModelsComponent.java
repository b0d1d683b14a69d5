package io.tributary.knowledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.knowledge.EmbeddingModel;
import io.tributary.api.knowledge.RerankModel;
import io.tributary.knowledge.remote.HttpRerankModel;
import io.tributary.knowledge.remote.OpenAiEmbeddingModel;

/**
 * Registers the remote model clients that are configured: an OpenAI-compatible {@link EmbeddingModel} when
 * {@code openai.base.url} is set, an HTTP {@link RerankModel} when {@code rerank.base.url} is set. A configuration
 * change re-creates this component, so the services follow the configuration.
 */
@Component(immediate = true, service = {}, configurationPid = KnowledgeConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class RemoteModelsComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteModelsComponent.class);
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public RemoteModelsComponent(BundleContext ctx, KnowledgeConfig config) {
        Duration timeout = Duration.ofSeconds(Math.max(1, config.remote_timeout_seconds()));
        if (!config.openai_base_url().isBlank()) {
            try {
                OpenAiEmbeddingModel model = new OpenAiEmbeddingModel(config.openai_base_url(),
                        config._openai_api_key(), config.openai_model(), config.openai_dimensions(), 64, timeout);
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(EmbeddingModel.PROVIDER, config.openai_provider());
                props.put(EmbeddingModel.MODEL, config.openai_model());
                registrations.add(ctx.registerService(EmbeddingModel.class, model, props));
                LOG.info("Embedding model {} / {} at {}", config.openai_provider(), config.openai_model(),
                        config.openai_base_url());
            } catch (IllegalArgumentException e) {
                LOG.error("The OpenAI-compatible embedding model is not registered: {}", e.getMessage());
            }
        }
        if (!config.rerank_base_url().isBlank()) {
            try {
                HttpRerankModel model = new HttpRerankModel(config.rerank_base_url(), config._rerank_api_key(),
                        config.rerank_model(), timeout);
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(RerankModel.PROVIDER, config.rerank_provider());
                props.put(RerankModel.MODEL, config.rerank_model());
                registrations.add(ctx.registerService(RerankModel.class, model, props));
                LOG.info("Rerank model {} / {} at {}", config.rerank_provider(), config.rerank_model(),
                        config.rerank_base_url());
            } catch (IllegalArgumentException e) {
                LOG.error("The rerank model is not registered: {}", e.getMessage());
            }
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
