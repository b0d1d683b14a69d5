package io.tributary.knowledge;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@value #PID}: where indexes live, the default embedding model, and the remote model services
 * (each registered only when its base URL is set). The launcher fills it from the {@code knowledge.*} settings.
 */
@ObjectClassDefinition(name = "Tributary knowledge", description = "Indexes, embedding and rerank models")
public @interface KnowledgeConfig {
    /** The configuration PID. */
    String PID = "io.tributary.knowledge";

    @AttributeDefinition(name = "Data directory", required = false,
            description = "Indexes go to <data.dir>/knowledge/<dataset id>/; empty: the framework property "
                    + "tributary.data.dir, else the bundle's data area")
    String data_dir() default "";

    @AttributeDefinition(name = "Default embedding provider",
            description = "Used when no embedding model matches a dataset's embedding_model_provider/embedding_model")
    String default_embedding_provider() default "tributary/onnx";

    @AttributeDefinition(name = "Default embedding model")
    String default_embedding_model() default "all-MiniLM-L6-v2";

    @AttributeDefinition(name = "Offline model threads", description = "ONNX Runtime threads per embedding call")
    int onnx_threads() default 1;

    @AttributeDefinition(name = "OpenAI-compatible embeddings base URL", required = false,
            description = "e.g. https://api.openai.com/v1 (POST {base}/embeddings); empty: no such model")
    String openai_base_url() default "";

    @AttributeDefinition(name = "OpenAI API key", type = AttributeType.PASSWORD, required = false)
    String _openai_api_key() default "";

    @AttributeDefinition(name = "OpenAI embedding model", required = false)
    String openai_model() default "text-embedding-3-small";

    @AttributeDefinition(name = "OpenAI embedding provider id",
            description = "Matched against a dataset's embedding_model_provider")
    String openai_provider() default "langgenius/openai/openai";

    @AttributeDefinition(name = "OpenAI embedding dimensions", description = "0: the model's own")
    int openai_dimensions() default 0;

    @AttributeDefinition(name = "Rerank base URL", required = false,
            description = "e.g. https://api.jina.ai/v1 (POST {base}/rerank); empty: no rerank model")
    String rerank_base_url() default "";

    @AttributeDefinition(name = "Rerank API key", type = AttributeType.PASSWORD, required = false)
    String _rerank_api_key() default "";

    @AttributeDefinition(name = "Rerank model", required = false)
    String rerank_model() default "jina-reranker-v2-base-multilingual";

    @AttributeDefinition(name = "Rerank provider id",
            description = "Matched against reranking_model.reranking_provider_name")
    String rerank_provider() default "langgenius/jina/jina";

    @AttributeDefinition(name = "Remote call timeout", description = "Seconds per HTTP call to a model service")
    int remote_timeout_seconds() default 60;
}
