/**
 * The pipeline's side of the datasource SPI: which installed provider serves a datasource node, the
 * datasource-plugins listing, single datasource node runs (browse, crawl) and online-drive folder expansion.
 */
package io.tributary.pipeline.datasource;
