/**
 * The engine's event model: immutable records emitted while a run executes. Consumers (the SSE writer, the
 * run recorder, the Datalab step tracker, metrics) subscribe per run; each event carries the run id and the
 * time it happened, node events carry the node execution id.
 *
 * <p>The set grows with the engine (iteration/loop, datasource progress); consumers must ignore event types
 * they do not know.
 */
@Export
@Version("1.0.0")
package io.tributary.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
