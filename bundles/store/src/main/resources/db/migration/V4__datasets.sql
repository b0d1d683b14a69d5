-- Portable SQL (H2 2.x and PostgreSQL 12+). JSON values are stored as text so both read them the same way.
-- Knowledge bases, their published pipeline versions, documents, segments, child chunks and the durable queue
-- of pipeline items. Deletes cascade in the store's code (one transaction), the foreign keys only guard it.

CREATE TABLE datasets (
    id                       VARCHAR(64)              NOT NULL,
    name                     VARCHAR(255)             NOT NULL,
    description              TEXT                     NOT NULL,
    chunk_structure          VARCHAR(32),
    indexing_technique       VARCHAR(32),
    embedding_model_provider VARCHAR(255)             NOT NULL,
    embedding_model          VARCHAR(255)             NOT NULL,
    keyword_number           INTEGER                  NOT NULL,
    retrieval_model          TEXT                     NOT NULL,
    draft_dsl                TEXT,
    published_version        INTEGER,
    -- the highest document position handed out; bumped under the row lock, so positions never repeat
    last_position            INTEGER                  NOT NULL,
    created_by               VARCHAR(255)             NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT datasets_pk PRIMARY KEY (id)
);

CREATE INDEX datasets_created_idx ON datasets (created_at);

CREATE TABLE dataset_versions (
    workflow_id VARCHAR(64)              NOT NULL,
    dataset_id  VARCHAR(64)              NOT NULL,
    version     INTEGER                  NOT NULL,
    dsl         TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dataset_versions_pk PRIMARY KEY (workflow_id),
    CONSTRAINT dataset_versions_dataset_version_uq UNIQUE (dataset_id, version),
    CONSTRAINT dataset_versions_dataset_fk FOREIGN KEY (dataset_id) REFERENCES datasets (id)
);

CREATE TABLE documents (
    id                    VARCHAR(64)              NOT NULL,
    dataset_id            VARCHAR(64)              NOT NULL,
    position              INTEGER                  NOT NULL,
    batch                 VARCHAR(64)              NOT NULL,
    name                  VARCHAR(255)             NOT NULL,
    data_source_type      VARCHAR(32)              NOT NULL,
    data_source_info      TEXT,
    created_from          VARCHAR(32)              NOT NULL,
    doc_form              VARCHAR(32),
    indexing_status       VARCHAR(32)              NOT NULL,
    error                 TEXT,
    enabled               BOOLEAN                  NOT NULL,
    word_count            INTEGER                  NOT NULL,
    tokens                INTEGER                  NOT NULL,
    created_by            VARCHAR(255)             NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    processing_started_at TIMESTAMP WITH TIME ZONE,
    completed_at          TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT documents_pk PRIMARY KEY (id),
    -- also the index of the listing (dataset, position)
    CONSTRAINT documents_dataset_position_uq UNIQUE (dataset_id, position),
    CONSTRAINT documents_dataset_fk FOREIGN KEY (dataset_id) REFERENCES datasets (id)
);

CREATE INDEX documents_dataset_batch_idx ON documents (dataset_id, batch, position);

CREATE TABLE segments (
    id              VARCHAR(64)              NOT NULL,
    dataset_id      VARCHAR(64)              NOT NULL,
    document_id     VARCHAR(64)              NOT NULL,
    position        INTEGER                  NOT NULL,
    content         TEXT                     NOT NULL,
    answer          TEXT,
    word_count      INTEGER                  NOT NULL,
    tokens          INTEGER                  NOT NULL,
    keywords        TEXT                     NOT NULL,
    index_node_hash VARCHAR(64)              NOT NULL,
    status          VARCHAR(32)              NOT NULL,
    enabled         BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT segments_pk PRIMARY KEY (id),
    -- also the index of the listing (document, position)
    CONSTRAINT segments_document_position_uq UNIQUE (document_id, position),
    CONSTRAINT segments_document_fk FOREIGN KEY (document_id) REFERENCES documents (id)
);

CREATE INDEX segments_dataset_idx ON segments (dataset_id);

CREATE TABLE child_chunks (
    id          VARCHAR(64)              NOT NULL,
    segment_id  VARCHAR(64)              NOT NULL,
    document_id VARCHAR(64)              NOT NULL,
    dataset_id  VARCHAR(64)              NOT NULL,
    position    INTEGER                  NOT NULL,
    content     TEXT                     NOT NULL,
    word_count  INTEGER                  NOT NULL,
    type        VARCHAR(32)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT child_chunks_pk PRIMARY KEY (id),
    CONSTRAINT child_chunks_segment_position_uq UNIQUE (segment_id, position),
    CONSTRAINT child_chunks_segment_fk FOREIGN KEY (segment_id) REFERENCES segments (id)
);

CREATE INDEX child_chunks_document_idx ON child_chunks (document_id);
CREATE INDEX child_chunks_dataset_idx ON child_chunks (dataset_id);

CREATE TABLE pipeline_items (
    id              VARCHAR(64)              NOT NULL,
    -- insertion order, to break ties of created_at (items of one batch share it)
    seq             BIGINT GENERATED BY DEFAULT AS IDENTITY,
    dataset_id      VARCHAR(64)              NOT NULL,
    document_id     VARCHAR(64)              NOT NULL,
    batch           VARCHAR(64)              NOT NULL,
    workflow_id     VARCHAR(64)              NOT NULL,
    start_node_id   VARCHAR(255)             NOT NULL,
    datasource_type VARCHAR(32)              NOT NULL,
    datasource_info TEXT                     NOT NULL,
    inputs          TEXT                     NOT NULL,
    created_by      VARCHAR(255)             NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pipeline_items_pk PRIMARY KEY (id),
    CONSTRAINT pipeline_items_document_fk FOREIGN KEY (document_id) REFERENCES documents (id)
);

CREATE INDEX pipeline_items_status_created_idx ON pipeline_items (status, created_at, seq);
CREATE INDEX pipeline_items_document_idx ON pipeline_items (document_id);
CREATE INDEX pipeline_items_dataset_idx ON pipeline_items (dataset_id);
