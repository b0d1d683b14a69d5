/**
 * Node types for tests and benchmarks: {@code echo} (renders {@code data.text}) and {@code wait} (blocks until
 * released or interrupted). They register without a version property, so their version is the bundle's:
 * installing a copy with a higher Bundle-Version adds a new version of the node type beside the old one.
 */
package io.tributary.node.testkit;
