package io.tributary.node.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.knowledge.ChunkStructure;
import io.tributary.api.store.dto.NewSegment;

/**
 * The chunks a chunker produced, in any of the shapes Dify's index processors accept, normalised:
 * <ul>
 * <li>{@code text_model}: a list of strings, or {@code {general_chunks: [...]}} whose items are strings or
 *     {@code {content, files}} objects;</li>
 * <li>{@code hierarchical_model}: {@code {parent_child_chunks: [{parent_content, child_contents: [str]}],
 *     parent_mode}};</li>
 * <li>{@code qa_model}: {@code {qa_chunks: [{question, answer}]}}.</li>
 * </ul>
 * As Dify core does before indexing, every text is stripped of surrounding white space and empty chunks (and empty
 * children, and Q&amp;A pairs without a question) are dropped.
 *
 * @param parentMode {@code paragraph} or {@code full-doc} for hierarchical chunks, else {@code null}
 */
record Chunks(ChunkStructure structure, String parentMode, List<NewSegment> segments) {

    /** A value that is not a valid chunk list; the message says what was expected. */
    static final class InvalidChunksException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidChunksException(String message) {
            super(message);
        }
    }

    /**
     * Whether the value holds no chunk at all (Dify: "Chunks is required."): {@code null}, blank text, an empty list
     * or object, or a chunk object whose list is empty.
     */
    static boolean isEmpty(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty() || java.util.stream.Stream.of("general_chunks", "parent_child_chunks", "qa_chunks")
                    .anyMatch(k -> m.get(k) instanceof List<?> l && l.isEmpty());
        }
        return value == null || (value instanceof List<?> l && l.isEmpty()) || (value instanceof String s && s.isBlank());
    }

    static Chunks parse(Object value) throws InvalidChunksException {
        if (value instanceof List<?> list) {
            return new Chunks(ChunkStructure.TEXT_MODEL, null, general(list, "chunks"));
        }
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("general_chunks")) {
                return new Chunks(ChunkStructure.TEXT_MODEL, null, general(list(map, "general_chunks"),
                        "general_chunks"));
            }
            if (map.containsKey("parent_child_chunks")) {
                return parentChild(map);
            }
            if (map.containsKey("qa_chunks")) {
                return qa(map);
            }
        }
        throw new InvalidChunksException("Chunks must be a list of strings or an object with general_chunks, "
                + "parent_child_chunks or qa_chunks, not " + describe(value));
    }

    private static List<NewSegment> general(List<?> items, String path) throws InvalidChunksException {
        List<NewSegment> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String content;
            if (item instanceof String s) {
                content = s;
            } else if (item instanceof Map<?, ?> m && m.get("content") instanceof String s) {
                content = s;
            } else {
                throw new InvalidChunksException(path + "[" + i + "] must be a string or an object with content, not "
                        + describe(item));
            }
            String c = content.strip();
            if (!c.isEmpty()) {
                out.add(new NewSegment(c, null, List.of()));
            }
        }
        return out;
    }

    private static Chunks parentChild(Map<?, ?> map) throws InvalidChunksException {
        List<?> items = list(map, "parent_child_chunks");
        List<NewSegment> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String path = "parent_child_chunks[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> m) || !(m.get("parent_content") instanceof String parent)) {
                throw new InvalidChunksException(path + " must be an object with parent_content and child_contents");
            }
            Object kids = m.get("child_contents");
            if (kids != null && !(kids instanceof List)) {
                throw new InvalidChunksException(path + ".child_contents must be a list of strings");
            }
            List<String> children = new ArrayList<>();
            for (Object k : kids == null ? List.of() : (List<?>) kids) {
                if (!(k instanceof String s)) {
                    throw new InvalidChunksException(path + ".child_contents must be a list of strings, not "
                            + describe(k));
                }
                if (!s.isBlank()) {
                    children.add(s.strip());
                }
            }
            String p = parent.strip();
            if (!p.isEmpty()) {
                out.add(new NewSegment(p, null, children));
            }
        }
        Object mode = map.get("parent_mode");
        String parentMode = mode == null ? "paragraph" : String.valueOf(mode);
        if (!parentMode.equals("paragraph") && !parentMode.equals("full-doc") && !parentMode.equals("full_doc")) {
            throw new InvalidChunksException("parent_mode '" + parentMode + "' is not paragraph or full-doc");
        }
        return new Chunks(ChunkStructure.HIERARCHICAL_MODEL, parentMode.replace('_', '-'), out);
    }

    private static Chunks qa(Map<?, ?> map) throws InvalidChunksException {
        List<?> items = list(map, "qa_chunks");
        List<NewSegment> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> m) || !(m.get("question") instanceof String q)
                    || !(m.get("answer") == null || m.get("answer") instanceof String)) {
                throw new InvalidChunksException("qa_chunks[" + i + "] must be an object with question and answer");
            }
            String question = q.strip();
            String answer = m.get("answer") == null ? "" : ((String) m.get("answer")).strip();
            if (!question.isEmpty()) {
                out.add(new NewSegment(question, answer, List.of()));
            }
        }
        return new Chunks(ChunkStructure.QA_MODEL, null, out);
    }

    private static List<?> list(Map<?, ?> map, String key) throws InvalidChunksException {
        Object v = map.get(key);
        if (v instanceof List<?> l) {
            return l;
        }
        throw new InvalidChunksException(key + " must be a list, not " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> m) {
            return "an object with keys " + m.keySet();
        }
        if (v instanceof List) {
            return "a list";
        }
        return v instanceof String ? "text" : v instanceof Number ? "a number" : v.getClass().getSimpleName();
    }

    /** Which key carries this structure's chunks, for messages. */
    static String shape(ChunkStructure s) {
        return switch (s) {
            case TEXT_MODEL -> "general_chunks";
            case HIERARCHICAL_MODEL -> "parent_child_chunks";
            case QA_MODEL -> "qa_chunks";
        };
    }
}
