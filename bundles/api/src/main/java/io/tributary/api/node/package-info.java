/**
 * What node plugins implement: {@link io.tributary.api.node.NodeType} (a factory registered as an OSGi
 * service with {@link io.tributary.api.node.NodeTypeProperties}) and the {@link io.tributary.api.node.NodeExecutor}
 * it creates per run, plus what the engine hands them: {@link io.tributary.api.node.NodeContext}. An extractor
 * plugin also registers {@link io.tributary.api.node.FileFormats}: the file extensions it reads, which is what the
 * knowledge-pipeline upload accepts.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 * <li>At import/publish the engine calls {@link io.tributary.api.node.NodeType#validate} once per node; a
 *     {@link io.tributary.api.node.NodeValidationException} is reported with the node id, nothing runs.</li>
 * <li>When a run starts the engine resolves every node's factory and calls
 *     {@link io.tributary.api.node.NodeType#create} once per node; the run keeps these executors (and so the
 *     providing bundle's version) to its end.</li>
 * <li>{@link io.tributary.api.node.NodeExecutor#execute} is called on a virtual thread; it may block, must
 *     honour interruption and {@link io.tributary.api.node.NodeContext#isCancelled()}, and returns a
 *     {@link io.tributary.api.node.NodeResult}.</li>
 * </ol>
 *
 * <h2>Containers</h2>
 * A container node type ({@code iteration}, {@code loop}) runs its child graph pass by pass through
 * {@link io.tributary.api.node.NodeContext#subgraph()}; see {@link io.tributary.api.node.SubgraphRunner}.
 *
 * <h2>Failure semantics</h2>
 * An expected failure is a {@link io.tributary.api.node.NodeExecutionException}: it goes to the node's
 * configured strategy (retry, then abort, {@code fail-branch} or {@code default-value}). Any other
 * {@code Throwable} is a bug in the plugin: the node fails with its message and the engine logs the stack
 * trace; the engine itself never fails because of a plugin.
 */
@Export
@Version("1.2.0")
package io.tributary.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
