/** Knowledge pipelines: datasets from rag_pipeline DSLs, publishing, the durable queue of pipeline items and its workers, draft runs, datasource node runs. */
package io.tributary.pipeline;
