-- When a document's pipeline run finished each stage (Dify's parsing/cleaning/splitting_completed_at):
-- stamped as the document's status moves through parsing, splitting and indexing.
ALTER TABLE documents ADD COLUMN parsing_completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE documents ADD COLUMN cleaning_completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE documents ADD COLUMN splitting_completed_at TIMESTAMP WITH TIME ZONE;
