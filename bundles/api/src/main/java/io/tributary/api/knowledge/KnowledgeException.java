package io.tributary.api.knowledge;

/** Indexing or retrieval failed for a reason worth showing (a model that is not available, bad chunks). */
public class KnowledgeException extends Exception {
    private static final long serialVersionUID = 1L;

    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
