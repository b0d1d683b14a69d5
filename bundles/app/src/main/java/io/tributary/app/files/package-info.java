/**
 * The files of a run request: upload and URL descriptors become Dify File values ({@code RunFiles}), checked
 * against what the start variable allows ({@code FileConstraints}). Only the app's own uploads resolve.
 */
package io.tributary.app.files;
