/**
 * The pipeline bundle's composition root: {@link io.tributary.pipeline.PipelineServiceImpl}, the
 * {@link io.tributary.api.pipeline.PipelineService} over the store, the engine and the datasource SPI. The
 * sub-packages hold the pipeline definition ({@code definition}), run checks and requests ({@code run}), the queue
 * workers ({@code worker}), the datasource side ({@code datasource}) and the built-in templates
 * ({@code template}).
 */
package io.tributary.pipeline;
