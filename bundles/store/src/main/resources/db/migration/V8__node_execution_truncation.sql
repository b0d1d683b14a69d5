-- Node executions keep large values truncated by Dify's rules (io.tributary.api.model.ValueTruncation); these
-- flags say which of the three mappings was cut (Dify's inputs_truncated, process_data_truncated, outputs_truncated).
ALTER TABLE node_executions ADD COLUMN inputs_truncated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE node_executions ADD COLUMN process_data_truncated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE node_executions ADD COLUMN outputs_truncated BOOLEAN DEFAULT FALSE NOT NULL;
