/**
 * Importing Dify DSL exports: the YAML files Dify writes for a workflow app ({@code kind: app},
 * {@code app.mode: workflow}) and for a knowledge pipeline ({@code kind: rag_pipeline}).
 *
 * <p>{@link io.tributary.api.dsl.DslImporter} turns such a file into a {@link io.tributary.api.dsl.DslDocument}:
 * metadata, the {@link io.tributary.api.model.Graph}, environment and conversation variables, the pipeline's
 * input form ({@link io.tributary.api.dsl.RagPipelineVariable}) and the plugin dependencies, kept as they are.
 *
 * <h2>What the importer keeps and drops</h2>
 * <ul>
 * <li>Each node becomes a {@link io.tributary.api.model.GraphNode}: its envelope {@code id}, {@code data.type},
 *     {@code data.version} (Dify's {@code "1"}, {@code "2"}; absent means the highest installed),
 *     {@code data.title} and the <em>whole</em> {@code data} map.</li>
 * <li>Canvas-only data is dropped: positions, sizes, {@code selected}, {@code viewport}, {@code zIndex}, and
 *     every node whose envelope {@code type} is {@code custom-note}.</li>
 * <li>Container membership: a child of an {@code iteration} or {@code loop} carries the container's id in
 *     {@code data.iteration_id} or {@code data.loop_id} (with {@code data.isInIteration} /
 *     {@code data.isInLoop} set). Dify writes these for most children but sometimes only the canvas
 *     {@code parentId} (e.g. for {@code loop-start}); the importer then fills them in from {@code parentId}, so
 *     {@code data} alone tells where a node belongs. An explicit {@code isInIteration: false} /
 *     {@code isInLoop: false} marks a stale id; a node naming both (inside a loop nested in an iteration, or
 *     the reverse) belongs to the inner one. The same rule decides at import and at run start, and a
 *     container nested in itself is refused at import.</li>
 * <li>Edges keep {@code id}, {@code source}, {@code sourceHandle} (default {@code "source"}) and
 *     {@code target}; {@code targetHandle} and edge {@code data} are ignored, as Dify's engine does.</li>
 * <li>Secret environment values are wrapped in {@link io.tributary.api.dsl.Secret}, which never prints its
 *     value.</li>
 * </ul>
 *
 * <h2>Problems</h2>
 * An import reports <em>every</em> problem it finds, not only the first, as a list of
 * {@link io.tributary.api.model.Problem} in a {@link io.tributary.api.dsl.DslImportException}: the YAML itself
 * (not YAML, empty, too large, alias bombs, too deep), the document (unknown {@code kind}, an app mode other
 * than {@code workflow}), the graph (missing {@code id} or {@code data.type}, duplicate ids, dangling edges,
 * cycles, no root node) and the installed node types (not installed, or
 * {@link io.tributary.api.node.NodeType#validate} failing).
 *
 * <h2>Limits</h2>
 * At most {@value io.tributary.api.dsl.DslImporter#MAX_SIZE} bytes (UTF-8), as Dify, and scalars of at most
 * {@value io.tributary.api.dsl.DslImporter#MAX_SCALAR_LENGTH} characters; YAML aliases to collections, nesting
 * depth and the size of the document once aliases are expanded are bounded, so a "billion laughs" document
 * is rejected rather than expanded, and an alias inside its own anchor (a recursive structure) is a problem.
 * Reading costs time and memory linear in the document's size.
 */
@Export
@Version("2.0.0")
package io.tributary.api.dsl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
