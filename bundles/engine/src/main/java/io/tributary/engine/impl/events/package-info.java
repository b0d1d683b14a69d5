/**
 * Event delivery (graphon's {@code event_management} and {@code layers}): ordered, never concurrent delivery
 * of a run's events to its {@link io.tributary.api.engine.EngineLayer}s and
 * {@link io.tributary.api.engine.RunListener}s, exactly-once terminal event, the layers' completion stages joined
 * without blocking ({@code LayerStages}: the handle's {@code started()}/{@code completion()}), a refused run's
 * {@code RunRejected} ({@code Rejections}), and secret masking.
 */
package io.tributary.engine.impl.events;
