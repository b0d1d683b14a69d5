/** The datasource and knowledge-index node types of knowledge pipelines. */
package io.tributary.node.knowledge;
