/**
 * Dify's flow node types, a folder per node family as graphon's {@code nodes/}: {@code start}, {@code end} and
 * {@code answer} here at the root; {@link io.tributary.node.flow.branch} ({@code if-else}, conditions,
 * operators), {@link io.tributary.node.flow.container} ({@code iteration}, {@code loop} and their start/end
 * nodes), {@link io.tributary.node.flow.variables} ({@code variable-aggregator}, {@code assigner} v1/v2),
 * {@link io.tributary.node.flow.template} ({@code template-transform}), {@link io.tributary.node.flow.list}
 * ({@code list-operator}) and {@link io.tributary.node.flow.http} ({@code http-request}). The root also holds
 * what several families read: {@link io.tributary.node.flow.DataFields} (typed reads of a node's {@code data},
 * collecting problems), {@link io.tributary.node.flow.Values} (Dify's — Python's — notions of truth, number,
 * equality, type name and File over the pool's JSON-shaped values) and {@link io.tributary.node.flow.Substrings}
 * (linear-time containment, for the branch and list operators). Private: the bundle registers
 * {@link io.tributary.api.node.NodeType} services and exports nothing. Each type checks its {@code data} in
 * {@code validate} and reports every problem as {@code node '<id>': <field> ...}. DS component names keep the
 * root package's class names ({@code io.tributary.node.flow.IfElseNodeType}, ...) whichever folder a type sits
 * in: they are what configurations and logs name.
 */
package io.tributary.node.flow;
