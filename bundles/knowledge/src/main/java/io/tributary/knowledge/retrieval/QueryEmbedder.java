package io.tributary.knowledge.retrieval;

import io.tributary.api.knowledge.KnowledgeException;

/** Embeds the query for vector search (fails with the reason when the dataset has no vectors or no model). */
@FunctionalInterface
public interface QueryEmbedder {
    float[] embed(String query) throws KnowledgeException, InterruptedException;
}
