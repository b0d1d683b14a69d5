/** The document-extractor node type: text from files with Apache Tika, within size, page and decompression limits. */
package io.tributary.node.extractor;
