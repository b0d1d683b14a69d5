/**
 * The variable pool (selectors {@code [node_id, name, ...path]}, reserved {@code sys}/{@code env}/
 * {@code conversation}/{@code rag}), Dify templates {@code {{#node_id.var#}}}, Dify-style JSON text of values
 * and JSON reading ({@link io.tributary.engine.impl.variables.Json}, on the framework's shared Jackson), and
 * value size estimates for the variable size limit.
 */
package io.tributary.engine.impl.variables;
