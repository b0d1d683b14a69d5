/**
 * The {@code datasource} node type: dispatch to datasource providers (dynamic OSGi references, matched by type and
 * Dify identity) and the File / page / crawl outputs of each datasource type.
 */
package io.tributary.node.knowledge.datasource;
