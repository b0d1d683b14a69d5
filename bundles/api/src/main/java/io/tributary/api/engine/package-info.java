/**
 * What the engine provides to other bundles: the {@link io.tributary.api.engine.WorkflowEngine} that runs
 * graphs ({@link io.tributary.api.engine.RunRequest} in, {@link io.tributary.api.engine.RunHandle} out, events
 * to {@link io.tributary.api.engine.RunListener}s and whiteboard {@link io.tributary.api.engine.EngineLayer}s),
 * graph validation (the same {@link io.tributary.api.model.Problem} the DSL importer reports), the node-type registry (several versions
 * side by side, version resolution, in-flight usage per providing bundle) and plugin administration (install
 * beside, drain, retire, quarantine and start again).
 *
 * <p>Every service interface here is implemented by the engine bundle ({@code @ProviderType}); plugins and the
 * HTTP layer only call them. {@link io.tributary.api.engine.RunListener} and
 * {@link io.tributary.api.engine.EngineLayer} are implemented by consumers.
 */
@Export
@Version("2.0.0")
package io.tributary.api.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
