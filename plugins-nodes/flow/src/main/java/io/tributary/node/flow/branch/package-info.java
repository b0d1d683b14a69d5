/**
 * Branching: the {@code if-else} node and what decides a branch — {@link io.tributary.node.flow.branch.Condition}
 * (a parsed condition with its file sub-conditions), {@link io.tributary.node.flow.branch.ConditionEvaluator}
 * (a group joined by {@code and}/{@code or}, short-circuiting as Dify does) and
 * {@link io.tributary.node.flow.branch.Operators} (Dify's comparison operators). They sit here because
 * {@code if-else} owns them; the {@code loop} node's break conditions and the {@code list-operator} filters
 * reuse them from here, as graphon's loop and list nodes reuse its condition utilities.
 */
package io.tributary.node.flow.branch;
