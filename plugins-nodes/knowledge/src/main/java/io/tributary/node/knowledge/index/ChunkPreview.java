package io.tributary.node.knowledge.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.store.dto.NewSegment;

/**
 * What a knowledge-index node outputs in a debugger (draft) run instead of writing: Dify's {@code format_preview}.
 * <ul>
 * <li>{@code text_model}: {@code {chunk_structure, preview: [{content}], total_segments}}</li>
 * <li>{@code hierarchical_model}: {@code {chunk_structure, parent_mode, preview: [{content, child_chunks}],
 *     total_segments}}</li>
 * <li>{@code qa_model}: {@code {chunk_structure, qa_preview: [{question, answer}], total_segments}}</li>
 * </ul>
 */
final class ChunkPreview {
    private ChunkPreview() {
    }

    static Map<String, Object> of(Chunks chunks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chunk_structure", chunks.structure().wireName());
        List<Map<String, Object>> items = new ArrayList<>(chunks.segments().size());
        for (NewSegment s : chunks.segments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            switch (chunks.structure()) {
                case TEXT_MODEL -> item.put("content", s.content());
                case HIERARCHICAL_MODEL -> {
                    item.put("content", s.content());
                    item.put("child_chunks", s.childChunks());
                }
                case QA_MODEL -> {
                    item.put("question", s.content());
                    item.put("answer", s.answer());
                }
            }
            items.add(item);
        }
        switch (chunks.structure()) {
            case TEXT_MODEL -> out.put("preview", items);
            case HIERARCHICAL_MODEL -> {
                out.put("parent_mode", chunks.parentMode());
                out.put("preview", items);
            }
            case QA_MODEL -> out.put("qa_preview", items);
        }
        out.put("total_segments", chunks.segments().size());
        return out;
    }
}
