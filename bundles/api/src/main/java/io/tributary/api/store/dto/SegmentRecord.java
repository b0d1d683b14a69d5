package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A segment (chunk) of a document. For {@code hierarchical_model} it is the parent and {@link #childChunks} holds
 * the children; for {@code qa_model} {@link #content} is the question and {@link #answer} the answer.
 *
 * @param id            segment id (a UUID); also the id of its entry in the knowledge index
 * @param datasetId     its dataset
 * @param documentId    its document
 * @param position      1, 2, ... within the document
 * @param content       the text (the question for Q&amp;A)
 * @param answer        the answer for Q&amp;A, else {@code null}
 * @param wordCount     characters of content plus answer
 * @param tokens        embedding tokens (0 when unknown)
 * @param keywords      keywords (economy), possibly empty
 * @param indexNodeHash SHA-256 hex of the content
 * @param status        {@code completed} once indexed ({@code waiting}, {@code indexing}, {@code error} before)
 * @param enabled       whether it takes part in retrieval
 * @param createdAt     when it was written
 * @param completedAt   when it was indexed, or {@code null}
 * @param childChunks   children in order (empty unless hierarchical)
 */
public record SegmentRecord(String id, String datasetId, String documentId, int position, String content,
                            String answer, int wordCount, int tokens, List<String> keywords, String indexNodeHash,
                            String status, boolean enabled, Instant createdAt, Instant completedAt,
                            List<ChildChunkRecord> childChunks) {
    public SegmentRecord {
        Objects.requireNonNull(id, "id");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        childChunks = childChunks == null ? List.of() : List.copyOf(childChunks);
    }
}
