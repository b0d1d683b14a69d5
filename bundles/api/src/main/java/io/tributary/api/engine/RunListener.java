package io.tributary.api.engine;

import org.osgi.annotation.versioning.ConsumerType;

import io.tributary.api.event.RunEvent;

/**
 * Receives one run's events. Calls are never concurrent and come in the run's event order, on an engine
 * thread: a listener must be quick and must not block (hand slow work such as socket writes to a queue of
 * its own). An exception thrown by a listener is logged and otherwise ignored.
 */
@ConsumerType
@FunctionalInterface
public interface RunListener {

    /** One event; the last one of a run is always an {@link io.tributary.api.event.RunFinished}. */
    void onEvent(RunEvent event);
}
