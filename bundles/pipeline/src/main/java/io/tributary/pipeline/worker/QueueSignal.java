package io.tributary.pipeline.worker;

/**
 * Tells the workers that items were queued. A private service of this bundle: the pipeline service calls it
 * after each published run so that no worker has to poll for new work.
 */
public interface QueueSignal {

    /** Wakes the workers; never blocks. */
    void itemsQueued();
}
