/**
 * The local_file datasource (Dify {@code langgenius/file}, datasource {@code upload-file}): files uploaded through
 * the API, resolved by reference in the file store. Private to this bundle; it registers a
 * {@link io.tributary.api.datasource.LocalFileSource} service.
 */
package io.tributary.datasource.localfile;
