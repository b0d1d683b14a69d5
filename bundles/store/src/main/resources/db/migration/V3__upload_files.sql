-- Uploaded files: metadata here, content on disk under <data.dir>/files/<aa>/<sha256> (shared by identical uploads).

CREATE TABLE upload_files (
    id         VARCHAR(64)              NOT NULL,
    name       VARCHAR(255)             NOT NULL,
    size       BIGINT                   NOT NULL,
    extension  VARCHAR(32)              NOT NULL,
    mime_type  VARCHAR(255)             NOT NULL,
    sha256     VARCHAR(64)              NOT NULL,
    created_by VARCHAR(255)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT upload_files_pk PRIMARY KEY (id)
);

CREATE INDEX upload_files_sha256_idx ON upload_files (sha256);
