-- Whose upload a file is: 'app:<app id>' (POST /v1/files/upload with an app key), 'datasets' (any dataset key)
-- (POST /v1/datasets/pipeline/file-upload), '' for files saved by nodes and for uploads made before this column
-- existed. An upload id is usable only within its scope (issue #10 item 14); the local_file datasource also
-- resolves unscoped files, so uploads older than this column keep working for knowledge pipelines.

ALTER TABLE upload_files ADD COLUMN owner_scope VARCHAR(100) DEFAULT '' NOT NULL;
