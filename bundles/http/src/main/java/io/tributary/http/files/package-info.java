/**
 * Files in the service API: the upload allow-list, Dify File objects (maps in the variable pool and on the wire),
 * and the resolution of a run request's file descriptors ({@code local_file}, {@code remote_url}) into them.
 */
package io.tributary.http.files;
