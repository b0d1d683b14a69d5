/**
 * Files in the service API: the upload route ({@code /v1/files/upload}), which stores a file as an upload of the
 * key's app. Dify File values and file types are the API's ({@code io.tributary.api.model.DifyFile},
 * {@code FileTypes}); resolving a run's file descriptors is the app service's.
 */
package io.tributary.http.files;
