/**
 * The registries of what plugins install: every NodeType service by (type, tool, version) and providing bundle,
 * with leases for drain ({@link io.tributary.engine.registry.NodeTypeRegistryImpl}); every datasource provider by
 * type and Dify identity, with the rule that picks one for a node
 * ({@link io.tributary.engine.registry.DatasourceRegistryImpl}).
 */
package io.tributary.engine.registry;
