/**
 * Variables: {@code variable-aggregator} (and its legacy name {@code variable-assigner}), {@code assigner}
 * versions 1 and 2, and {@link io.tributary.node.flow.variables.VariableWrites}, the one shape in which a node
 * hands variable updates to the engine's write-back (the {@code loop-end} node writes its flag the same way).
 * Nodes that read or change variables by selector live together (graphon's {@code nodes/variable_aggregator},
 * {@code nodes/variable_assigner}).
 */
package io.tributary.node.flow.variables;
