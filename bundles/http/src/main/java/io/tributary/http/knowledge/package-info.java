/**
 * Knowledge routes' plumbing: the wire shapes of datasets, documents, segments and retrieval records
 * ({@link io.tributary.http.knowledge.DatasetJson}), request checks ({@link io.tributary.http.knowledge.PipelineRunBody},
 * {@link io.tributary.http.knowledge.RetrievalModels}, {@link io.tributary.http.knowledge.UploadRules}) and the
 * datasource node run stream ({@link io.tributary.http.knowledge.DatasourceStream}).
 */
package io.tributary.http.knowledge;
