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
 * @param scope     whose upload it is: {@link #appScope(String) app:&lt;id&gt;} for {@code /v1/files/upload} with an
 *                  app key, {@link #DATASETS_SCOPE} for the knowledge upload route (a dataset key serves every
 *                  knowledge base, as in Dify), empty for a file a node saved and for uploads stored before scopes
 *                  existed. An upload id is usable only within its scope: to anyone else it is unknown
 */
public record UploadFile(String id, String name, long size, String extension, String mimeType, String sha256,
                         String createdBy, Instant createdAt, String scope) {
    public UploadFile {
        Objects.requireNonNull(id, "id");
        createdBy = createdBy == null ? "" : createdBy;
        scope = scope == null ? "" : scope;
    }

    /** A file without a scope (the shape before scopes). */
    public UploadFile(String id, String name, long size, String extension, String mimeType, String sha256,
                      String createdBy, Instant createdAt) {
        this(id, name, size, extension, mimeType, sha256, createdBy, createdAt, "");
    }

    /** The scope of an app's uploads. */
    public static String appScope(String appId) {
        return "app:" + appId;
    }

    /** The scope of uploads made with a dataset key ({@code /v1/datasets/pipeline/file-upload}). */
    public static final String DATASETS_SCOPE = "datasets";
}
