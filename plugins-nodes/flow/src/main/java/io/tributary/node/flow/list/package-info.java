/**
 * Lists: the {@code list-operator} node and its filters (filter, extract, order, limit over an array variable,
 * files by their attributes). The filter operators follow Dify's list-operator, not the {@code if-else} ones,
 * and so live here (graphon's {@code nodes/list_operator}).
 */
package io.tributary.node.flow.list;
