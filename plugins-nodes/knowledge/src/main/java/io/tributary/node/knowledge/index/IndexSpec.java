package io.tributary.node.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.knowledge.ChunkStructure;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;
import io.tributary.node.knowledge.NodeData;

/**
 * A knowledge-index node's {@code data}: {@code chunk_structure}, {@code index_chunk_variable_selector} and the
 * optional {@code indexing_technique}. The rest of Dify's knowledge configuration (embedding model, retrieval
 * settings) belongs to the dataset and is read at import by whoever creates it.
 *
 * @param indexingTechnique {@code high_quality}, {@code economy}, or {@code null} when not given
 */
record IndexSpec(ChunkStructure chunkStructure, List<String> selector, String indexingTechnique) {
    static final Set<String> TECHNIQUES = Set.of("high_quality", "economy");

    static IndexSpec parse(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> data = node.data();
        String structureName = NodeData.string(data, "chunk_structure");
        ChunkStructure structure = ChunkStructure.fromWire(structureName);
        if (structureName == null) {
            problems.add("'chunk_structure' is required (text_model, hierarchical_model or qa_model)");
        } else if (structure == null) {
            problems.add("'chunk_structure' '" + structureName
                    + "' is not one of text_model, hierarchical_model, qa_model");
        }
        List<String> selector = NodeData.selector(data.get("index_chunk_variable_selector"));
        if (selector == null) {
            problems.add("'index_chunk_variable_selector' must be a list of at least two strings, "
                    + "e.g. [chunker_node_id, result]");
        }
        Object technique = data.get("indexing_technique");
        if (technique != null && !(technique instanceof String t && (t.isEmpty() || TECHNIQUES.contains(t)))) {
            problems.add("'indexing_technique' '" + technique + "' is not one of high_quality, economy");
        }
        NodeData.throwIfAny(node, problems);
        String t = technique instanceof String s && !s.isEmpty() ? s : null;
        return new IndexSpec(structure, List.copyOf(selector), t);
    }
}
