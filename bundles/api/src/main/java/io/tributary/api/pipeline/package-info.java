/**
 * Knowledge pipelines: the {@link io.tributary.api.pipeline.PipelineService} that imports {@code rag_pipeline}
 * DSLs as datasets, publishes them and runs them (published: durable queue, one document per item; draft: one item,
 * preview, streamed), and runs single datasource nodes.
 */
@Export
@Version("2.0.0")
package io.tributary.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
