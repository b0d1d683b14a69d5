/** The node-type registry: every NodeType service by (type, tool, version) and providing bundle, with leases for drain. */
package io.tributary.engine.registry;
