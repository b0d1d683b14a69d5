package io.tributary.api.model;

import java.util.Map;
import java.util.Objects;

/**
 * One node of a graph, as in a Dify DSL's {@code workflow.graph.nodes[]}: the canvas wrapper is dropped and
 * what remains is the node id plus its {@code data} block.
 *
 * @param id      node id, unique in its graph
 * @param type    Dify type string ({@code start}, {@code end}, {@code if-else}, {@code tool}, ...)
 * @param version version requirement from {@code data.version}, or {@code null} for "highest installed".
 *                {@code "1"} selects the highest 1.x, {@code "1.2"} the highest 1.2.x, {@code "1.2.3"} exactly
 * @param title   human title ({@code data.title}), may be empty
 * @param data    the node's whole {@code data} map, immutable
 */
public record GraphNode(String id, String type, String version, String title, Map<String, Object> data) {
    public GraphNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        title = title == null ? "" : title;
        data = data == null ? Map.of() : JsonValues.freeze(data);
    }
}
