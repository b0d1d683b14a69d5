/**
 * The engine's event model: immutable records emitted while a run executes. Consumers (the SSE writer, the
 * run recorder, the Datalab step tracker, metrics) subscribe per run; each event carries the run id and the
 * time it happened, node events carry the node execution id.
 *
 * <p>Order within a run: {@link io.tributary.api.event.RunStarted} first, {@link io.tributary.api.event.RunFinished}
 * last and exactly once; a node's {@link io.tributary.api.event.NodeStarted} before its
 * {@link io.tributary.api.event.NodeRetry}s and its {@link io.tributary.api.event.NodeFinished}. Stream chunks
 * ({@link io.tributary.api.event.NodeStreamChunk}) come in the order the response templates define. Secret
 * environment values never appear in events.
 *
 * <p>A run the engine refuses to start has one event only, {@link io.tributary.api.event.RunRejected}, seen by the
 * engine layers (1.2.0). Every run carries its {@link io.tributary.api.event.RunOrigin} (app or dataset, end user)
 * on its first event.
 *
 * <p>The set grows with the engine (iteration/loop, datasource progress); consumers must ignore event types
 * they do not know.
 */
@Export
@Version("1.2.0")
package io.tributary.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
