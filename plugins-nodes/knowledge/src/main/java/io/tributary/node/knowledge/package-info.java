/**
 * The datasource and knowledge-index node types of knowledge pipelines (Dify {@code datasource} and
 * {@code knowledge-index}, version 1), with the helpers they share. Private to this bundle.
 */
package io.tributary.node.knowledge;
