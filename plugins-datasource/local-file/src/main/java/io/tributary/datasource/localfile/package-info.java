/** The local_file datasource (Dify langgenius/file, upload-file): files uploaded through the API. */
package io.tributary.datasource.localfile;
