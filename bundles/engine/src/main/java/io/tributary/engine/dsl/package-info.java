/**
 * Dify DSL import ({@code io.tributary.api.dsl.DslImporter}).
 *
 * <p>Flow: {@link io.tributary.engine.dsl.YamlReader} (SnakeYAML, embedded privately with bnd
 * {@code -conditionalpackage}; safe constructor only, read through {@link io.tributary.engine.dsl.TextReader}
 * in linear time; limits on size, scalar length, aliases, depth, recursion and expanded size) →
 * {@link io.tributary.engine.dsl.DslParser} with {@link io.tributary.engine.dsl.GraphReader} and
 * {@link io.tributary.engine.dsl.VariableReader} (document to records, canvas data dropped) →
 * {@link io.tributary.engine.impl.domain.GraphStructure} (the graph's one structural check, the same the run
 * start uses, kept per graph in {@link io.tributary.engine.impl.domain.CheckedGraphs}) →
 * {@link io.tributary.engine.dsl.DocumentRules} (what a Dify document needs besides) →
 * {@link io.tributary.engine.dsl.NodeTypeChecker} (registry and {@code NodeType.validate}).
 *
 * <p>Every step appends to one list of {@link io.tributary.api.model.Problem} instead of throwing, so a user
 * sees all problems of a document at once. Problem messages never quote variable values (an environment
 * value may be a secret), and SnakeYAML's own messages (which quote the offending line) are cut down to
 * problem and position.
 */
package io.tributary.engine.dsl;
