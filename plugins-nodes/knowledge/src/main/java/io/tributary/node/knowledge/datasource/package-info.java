/**
 * The {@code datasource} node type: dispatch to the datasource provider the API's
 * {@link io.tributary.api.datasource.DatasourceRegistry} picks for the node (by type and Dify identity), and the
 * File / page / crawl outputs of each datasource type.
 */
package io.tributary.node.knowledge.datasource;
