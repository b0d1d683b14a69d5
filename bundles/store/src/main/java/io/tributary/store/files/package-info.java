/** Uploaded files: content-addressed blobs on local disk, metadata rows in {@code upload_files}. */
package io.tributary.store.files;
