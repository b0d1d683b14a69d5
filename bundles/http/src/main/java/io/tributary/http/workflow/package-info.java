/**
 * The workflow service API's moving parts: input validation against the start node's form, the mapping of
 * engine events to Dify's SSE events, the stream writer, and the cache of parsed published graphs.
 */
package io.tributary.http.workflow;
