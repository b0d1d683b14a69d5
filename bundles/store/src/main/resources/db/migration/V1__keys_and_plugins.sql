-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+ (no vendor types, no vendor syntax).

CREATE TABLE api_keys (
    id         VARCHAR(64)              NOT NULL,
    kind       VARCHAR(16)              NOT NULL,
    scope_id   VARCHAR(255),
    key_hash   VARCHAR(64)              NOT NULL,
    hint       VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_pk PRIMARY KEY (id),
    CONSTRAINT api_keys_key_hash_uq UNIQUE (key_hash)
);

CREATE INDEX api_keys_kind_scope_idx ON api_keys (kind, scope_id, created_at);

CREATE TABLE plugin_records (
    symbolic_name VARCHAR(255)             NOT NULL,
    version       VARCHAR(128)             NOT NULL,
    sha256        VARCHAR(64)              NOT NULL,
    location      VARCHAR(2048)            NOT NULL,
    source        VARCHAR(32)              NOT NULL,
    installed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT plugin_records_pk PRIMARY KEY (symbolic_name, version)
);
