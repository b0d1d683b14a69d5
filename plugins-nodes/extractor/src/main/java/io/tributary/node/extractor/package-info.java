/**
 * The {@code document-extractor} node type ({@link io.tributary.node.extractor.DocumentExtractorNodeType}) and
 * Dify's {@code dify_extractor} tool ({@link io.tributary.node.extractor.DifyExtractorNodeType}): text from Dify
 * File values, both through {@code FileTexts}. {@code DifyFile} reads the File map, {@code ContentLoader} its bytes (file store, inline
 * base64, or {@code RemoteFiles} through the SSRF guard), {@code Format} picks the format (MIME type, then
 * extension), {@code TextExtractor} converts on a bounded parser thread: Apache Tika ({@code TikaParsers},
 * {@code XhtmlText}) for documents, small converters ({@code PlainText}, {@code CsvText}, {@code DataText},
 * {@code PropertiesText}, {@code VttText}) for text and data formats. Private; the bundle exports nothing.
 */
package io.tributary.node.extractor;
