package io.tributary.api.knowledge;

/** Dify's chunk structures ({@code chunk_structure} / {@code doc_form}). */
public enum ChunkStructure {
    /** General chunks: {@code {general_chunks:[str]}}. */
    TEXT_MODEL("text_model"),
    /** Parent-child chunks: {@code {parent_child_chunks:[{parent_content, child_contents}], parent_mode}}. */
    HIERARCHICAL_MODEL("hierarchical_model"),
    /** Question/answer pairs: {@code {qa_chunks:[{question, answer}]}}. */
    QA_MODEL("qa_model");

    private final String wireName;

    ChunkStructure(String wireName) {
        this.wireName = wireName;
    }

    /** The string used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The structure for a wire name, or {@code null}. */
    public static ChunkStructure fromWire(String name) {
        for (ChunkStructure s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
