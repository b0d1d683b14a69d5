/**
 * Knowledge: chunk structures, the {@link io.tributary.api.knowledge.KnowledgeBase} service (segments in the store
 * and in the per-dataset Lucene index kept in step; retrieval by semantic, full-text, hybrid and keyword search),
 * and the model SPIs ({@link io.tributary.api.knowledge.EmbeddingModel},
 * {@link io.tributary.api.knowledge.RerankModel}) that vendors may implement.
 */
@Export
@Version("2.0.0")
package io.tributary.api.knowledge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
