/**
 * Dify's flow node types: {@code start}, {@code end}, {@code answer}, {@code if-else},
 * {@code variable-aggregator} (and its legacy name {@code variable-assigner}), {@code template-transform},
 * {@code list-operator}, {@code assigner} versions 1 and 2, the containers {@code iteration} and {@code loop}
 * with {@code iteration-start}, {@code loop-start} and {@code loop-end}; {@code http-request} lives in
 * {@link io.tributary.node.flow.http}. Private: the bundle registers {@link io.tributary.api.node.NodeType}
 * services and exports nothing. Each type checks its {@code data} in {@code validate} and reports every
 * problem as {@code node '<id>': <field> ...}.
 */
package io.tributary.node.flow;
