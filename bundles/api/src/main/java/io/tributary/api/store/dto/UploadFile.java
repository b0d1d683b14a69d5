package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Objects;

/**
 * A file uploaded through the API ({@code /v1/files/upload}, {@code /v1/datasets/pipeline/file-upload}) or saved
 * by a node. Its content lives on disk under the data directory, addressed by its SHA-256 (identical uploads share
 * one copy); this record is its metadata row.
 *
 * @param id        file id (a UUID): Dify's {@code upload_file_id} / {@code related_id} / {@code reference}
 * @param name      original file name, without any path
 * @param size      size in bytes
 * @param extension extension without the dot, lower case ({@code pdf}); empty when the name has none
 * @param mimeType  MIME type as given or detected; {@code application/octet-stream} when unknown
 * @param sha256    hex SHA-256 of the content
 * @param createdBy who uploaded it (the API {@code user}, or an account/key id); may be empty
 * @param createdAt when it was stored
 */
public record UploadFile(String id, String name, long size, String extension, String mimeType, String sha256,
                         String createdBy, Instant createdAt) {
    public UploadFile {
        Objects.requireNonNull(id, "id");
        createdBy = createdBy == null ? "" : createdBy;
    }
}
