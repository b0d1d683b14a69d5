/**
 * What datasource plugins implement: one SPI per Dify datasource type, each registered as an OSGi service
 * with {@link io.tributary.api.datasource.DatasourceProperties}.
 *
 * <ul>
 * <li>{@link io.tributary.api.datasource.LocalFileSource} ({@code local_file}): files uploaded through the
 *     API, resolved by reference to a {@link io.tributary.api.datasource.LocalFile} (id in the file store,
 *     metadata; the content is read from the file store).</li>
 * <li>{@link io.tributary.api.datasource.OnlineDocumentSource} ({@code online_document}): workspaces →
 *     pages, paginated; a page's content as Markdown with metadata.</li>
 * <li>{@link io.tributary.api.datasource.WebsiteCrawlSource} ({@code website_crawl}): a crawl with options
 *     that reports progress ({@code total}, {@code completed}) and results.</li>
 * <li>{@link io.tributary.api.datasource.OnlineDriveSource} ({@code online_drive}): browse buckets and
 *     prefixes page by page; download a file as a stream.</li>
 * </ul>
 *
 * Every provider describes itself ({@link io.tributary.api.datasource.DatasourceDescriptor}: identity, a
 * JSON Schema for parameters and one for credentials, secret fields marked) and checks credentials.
 *
 * <h2>Which provider serves a node</h2>
 * {@link io.tributary.api.datasource.DatasourceRegistry} (implemented by the engine) tracks every installed
 * provider and picks the one for a node's {@link io.tributary.api.datasource.DatasourceKey}; its javadoc is the
 * rule. Consumers (the pipeline service, the {@code datasource} node type) ask it instead of tracking providers.
 *
 * <h2>Failure semantics</h2>
 * {@link io.tributary.api.datasource.DatasourceException} is an expected failure (bad credentials, a page
 * that no longer exists, a remote error): the document or node fails with its message. Any other exception
 * is a plugin bug, reported the same way and logged with its stack trace. Every server-side fetch must go
 * through the runtime's SSRF guard.
 */
@Export
@Version("2.0.0")
package io.tributary.api.datasource;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
