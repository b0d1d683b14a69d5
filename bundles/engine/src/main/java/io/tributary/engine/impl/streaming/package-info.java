/**
 * Ordered streaming (graphon's {@code response_coordinator}): {@code text_chunk}s are released in the order the
 * response nodes' templates define, buffering chunks of later segments, even when producers run in parallel.
 */
package io.tributary.engine.impl.streaming;
