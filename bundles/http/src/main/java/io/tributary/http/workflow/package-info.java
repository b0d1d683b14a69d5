/**
 * The workflow service API's routes (translation only: parse, one {@code AppService} call, render), the mapping of
 * engine events to Dify's SSE events, and the stream writer. The rules live in the app bundle.
 */
package io.tributary.http.workflow;
