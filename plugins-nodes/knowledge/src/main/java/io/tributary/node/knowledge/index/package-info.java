/**
 * The {@code knowledge-index} node type: chunk shapes and their checks, Dify's preview format for debugger runs,
 * and the segments written through the knowledge service for published runs.
 */
package io.tributary.node.knowledge.index;
