package io.tributary.api.knowledge;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rerank model, registered as a service with {@value #PROVIDER} and {@value #MODEL} properties.
 */
@ConsumerType
public interface RerankModel {
    /** Service property: provider id. */
    String PROVIDER = "io.tributary.rerank.provider";
    /** Service property: model name. */
    String MODEL = "io.tributary.rerank.model";

    /** A document's index in the request and its relevance (0..1). */
    record Score(int index, double relevance) {
    }

    /**
     * Scores documents against the query.
     *
     * @return one score per document, best first
     */
    List<Score> rerank(String query, List<String> documents) throws KnowledgeException, InterruptedException;
}
