/**
 * What a {@code rag_pipeline} DSL means to this bundle: the parsed document checked against the installed node
 * types and Dify's pipeline rules, the knowledge settings taken from its knowledge-index node, and its
 * datasource nodes.
 */
package io.tributary.pipeline.definition;
