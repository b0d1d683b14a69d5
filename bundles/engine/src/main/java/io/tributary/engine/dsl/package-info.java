/**
 * Dify DSL import ({@code io.tributary.api.dsl.DslImporter}).
 *
 * <p>Flow: {@link io.tributary.engine.dsl.YamlReader} (SnakeYAML, embedded privately with bnd
 * {@code -conditionalpackage}; safe constructor only, limits on size, aliases, depth and expanded size) →
 * {@link io.tributary.engine.dsl.DslParser} with {@link io.tributary.engine.dsl.GraphReader} and
 * {@link io.tributary.engine.dsl.VariableReader} (document to records, canvas data dropped) →
 * {@link io.tributary.engine.dsl.GraphChecker} (checks that need nothing installed) →
 * {@link io.tributary.engine.dsl.NodeTypeChecker} (registry and {@code NodeType.validate}).
 *
 * <p>Every step appends to one problem list instead of throwing, so a user sees all problems of a document at
 * once. Problem messages never quote variable values (an environment value may be a secret), and
 * SnakeYAML's own messages (which quote the offending line) are cut down to problem and position.
 */
package io.tributary.engine.dsl;
