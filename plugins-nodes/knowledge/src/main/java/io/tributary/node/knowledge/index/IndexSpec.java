package io.tributary.node.knowledge.index;

import java.util.List;
import java.util.Set;

import io.tributary.api.knowledge.ChunkStructure;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeValidationException;

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
        NodeData data = NodeData.of(node);
        ChunkStructure structure = data.requiredEnum("chunk_structure", ChunkStructure.class,
                ChunkStructure::wireName);
        List<String> selector = NodeData.selectorOf(data.raw("index_chunk_variable_selector"));
        if (selector == null) {
            data.problem("index_chunk_variable_selector", "must be a list of at least two strings, "
                    + "e.g. [chunker_node_id, result]");
        }
        Object technique = data.raw("indexing_technique");
        if (technique != null && !(technique instanceof String t && (t.isEmpty() || TECHNIQUES.contains(t)))) {
            data.problem("indexing_technique", "'" + technique + "' is not one of high_quality, economy");
        }
        data.throwIfInvalid();
        String t = technique instanceof String s && !s.isEmpty() ? s : null;
        return new IndexSpec(structure, selector, t);
    }
}
