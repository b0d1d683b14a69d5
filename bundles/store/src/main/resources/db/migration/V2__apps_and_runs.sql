-- Portable SQL (H2 2.x and PostgreSQL 12+). JSON values are stored as text so both read them the same way.

CREATE TABLE apps (
    id                VARCHAR(64)              NOT NULL,
    name              VARCHAR(255)             NOT NULL,
    mode              VARCHAR(32)              NOT NULL,
    description       TEXT                     NOT NULL,
    draft_dsl         TEXT                     NOT NULL,
    published_version INTEGER,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT apps_pk PRIMARY KEY (id)
);

CREATE TABLE app_versions (
    workflow_id VARCHAR(64)              NOT NULL,
    app_id      VARCHAR(64)              NOT NULL,
    version     INTEGER                  NOT NULL,
    dsl         TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_versions_pk PRIMARY KEY (workflow_id),
    CONSTRAINT app_versions_app_version_uq UNIQUE (app_id, version),
    CONSTRAINT app_versions_app_fk FOREIGN KEY (app_id) REFERENCES apps (id)
);

CREATE TABLE workflow_runs (
    id           VARCHAR(64)              NOT NULL,
    app_id       VARCHAR(64),
    workflow_id  VARCHAR(64),
    status       VARCHAR(32)              NOT NULL,
    inputs       TEXT                     NOT NULL,
    outputs      TEXT                     NOT NULL,
    error        TEXT,
    elapsed_ms   BIGINT                   NOT NULL,
    total_tokens BIGINT                   NOT NULL,
    total_steps  INTEGER                  NOT NULL,
    created_by   VARCHAR(255),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT workflow_runs_pk PRIMARY KEY (id)
);

CREATE INDEX workflow_runs_app_created_idx ON workflow_runs (app_id, created_at);
CREATE INDEX workflow_runs_status_idx ON workflow_runs (status);

CREATE TABLE node_executions (
    id                  VARCHAR(64)              NOT NULL,
    run_id              VARCHAR(64)              NOT NULL,
    node_id             VARCHAR(255)             NOT NULL,
    node_type           VARCHAR(64)              NOT NULL,
    title               VARCHAR(1024)            NOT NULL,
    node_index          INTEGER                  NOT NULL,
    predecessor_node_id VARCHAR(255),
    status              VARCHAR(32)              NOT NULL,
    inputs              TEXT                     NOT NULL,
    process_data        TEXT                     NOT NULL,
    outputs             TEXT                     NOT NULL,
    error               TEXT,
    elapsed_ms          BIGINT                   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT node_executions_pk PRIMARY KEY (id)
);

CREATE INDEX node_executions_run_idx ON node_executions (run_id, node_index);
