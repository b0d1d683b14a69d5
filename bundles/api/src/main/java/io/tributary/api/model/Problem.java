package io.tributary.api.model;

import java.util.Objects;

/**
 * One thing wrong with a DSL document, a graph or a run request: the only problem type of the API, used by the
 * DSL importer ({@code io.tributary.api.dsl.DslImportException}) and the engine
 * ({@code io.tributary.api.engine.RunRejectedException}, {@code WorkflowEngine.validate}) alike. One graph check
 * produces it at import and at run start, so a graph is judged by the same rules in both places.
 *
 * <p>{@code code} is a stable, machine-readable kind (one of the constants below; a node type's own
 * validation uses {@link #NODE_DATA}). {@code field} says where: relative to the node when {@code nodeId} is set
 * ({@code data.type}, {@code data.version}, {@code data}, {@code data.iteration_id}, {@code parentId},
 * {@code id}); otherwise a path from the document root ({@code kind}, {@code app.mode},
 * {@code workflow.environment_variables[0].value_type}, {@code workflow.graph.nodes[3].id}). Edge problems use
 * {@code workflow.graph.edges[<edge id>]}, followed by {@code .source} or {@code .target} for a missing end,
 * and name an existing end of the edge, if any, as the node. A cycle is reported once, on
 * {@code workflow.graph.edges}, naming its first node in graph order.
 *
 * <p>Messages never quote variable values, so a problem list can be shown and logged even when the document
 * holds secrets.
 *
 * @param code    what kind of problem, e.g. {@link #CYCLE}; never {@code null}
 * @param message what is wrong, one sentence; never {@code null}
 * @param nodeId  the node concerned, or {@code null}
 * @param field   where (never {@code null}; empty for the document or graph as a whole)
 */
public record Problem(String code, String message, String nodeId, String field) {
    /** The text is not acceptable YAML: syntax, size, aliases, depth, scalar length. */
    public static final String YAML = "yaml";
    /** The document's shape: kind, app mode, required sections, variables, dependencies, node and edge fields. */
    public static final String DOCUMENT = "document";
    /** A node id is missing or used twice. */
    public static final String NODE_ID = "node_id";
    /** A node's container (iteration or loop) is unknown, not a container, itself, or nested in the node. */
    public static final String CONTAINER = "container";
    /** An edge names a node that does not exist, or crosses a container's boundary. */
    public static final String EDGE = "edge";
    /** Nodes of one scope form a cycle (only a loop repeats). */
    public static final String CYCLE = "cycle";
    /** A scope has no root, or a run's start node is not a root. */
    public static final String ROOT = "root";
    /** A node's type, version or tool is not installed. */
    public static final String NODE_TYPE = "node_type";
    /** A node's {@code data} is rejected (by its node type, or its error-handling fields). */
    public static final String NODE_DATA = "node_data";
    /** A knowledge-pipeline rule (one knowledge-index node, pipeline variables of datasource nodes). */
    public static final String PIPELINE = "pipeline";
    /** The run request itself: call depth, run id already running. */
    public static final String RUN = "run";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        field = field == null ? "" : field;
    }

    /** A problem of the document or graph as a whole, not of one node. */
    public static Problem of(String code, String field, String message) {
        return new Problem(code, message, null, field);
    }

    /** A problem of one node. */
    public static Problem ofNode(String code, String nodeId, String field, String message) {
        return new Problem(code, message, nodeId, field);
    }

    /** {@code node 'id' field: message}, leaving out what is absent. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (nodeId != null) {
            sb.append("node '").append(nodeId).append("' ");
        }
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
