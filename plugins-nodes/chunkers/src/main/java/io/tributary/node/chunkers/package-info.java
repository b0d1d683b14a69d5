/**
 * Dify's chunker tools as {@code tool} node types (general, parent-child, Q&amp;A), registered by tool key
 * {@code provider_id/tool_name}. Parameter handling lives here; the splitting itself is plain Java in
 * {@link io.tributary.node.chunkers.split} and the CSV reading in {@link io.tributary.node.chunkers.qa}.
 */
package io.tributary.node.chunkers;
