package io.tributary.pipeline.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.dsl.DslImporter;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.PipelineItem;
import io.tributary.api.store.PipelineQueue;
import io.tributary.api.store.RunStore;
import io.tributary.pipeline.definition.PipelineDsl;
import io.tributary.pipeline.definition.PublishedPipelines;

/**
 * Drains the durable pipeline queue. On activation it requeues the items a previous process left
 * {@code running}, then one dispatcher thread claims items while a worker slot is free and runs each on its own
 * virtual thread ({@code workers} at a time). It sleeps until an item is queued ({@link QueueSignal}) or a slot
 * frees up, polling slowly as a safety net. On deactivation it stops claiming, gives in-flight runs a grace
 * period, then stops them; their items stay {@code running} and are requeued on the next start.
 */
@Component(service = QueueSignal.class, immediate = true, configurationPid = PipelineWorkers.PID)
@Designate(ocd = PipelineWorkers.Config.class)
public final class PipelineWorkers implements QueueSignal {
    public static final String PID = "io.tributary.pipeline";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineWorkers.class);
    static final String SHUTDOWN_REASON = "the server is shutting down";

    @ObjectClassDefinition(name = "Tributary pipeline workers")
    public @interface Config {
        @AttributeDefinition(name = "Workers", description = "Pipeline items processed at the same time")
        int workers() default 4;

        @AttributeDefinition(name = "Poll interval (s)",
                description = "Safety-net poll of the queue; new items wake the workers at once")
        int poll_interval_seconds() default 30;

        @AttributeDefinition(name = "Shutdown grace (s)",
                description = "How long in-flight runs may take to end when the bundle stops")
        int shutdown_grace_seconds() default 20;
    }

    private final PipelineQueue queue;
    private final ItemRunner runner;
    private final int workers;
    private final Duration poll;
    private final Duration grace;
    private final Semaphore slots;
    private final Wakeup wakeup = new Wakeup();
    private final ExecutorService items = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("pipeline-item-", 0).factory());
    private final Thread dispatcher;
    private volatile boolean stopping;

    @Activate
    public PipelineWorkers(Config config, @Reference DatasetStore datasets, @Reference PipelineQueue queue,
                           @Reference WorkflowEngine engine, @Reference DslImporter importer,
                           @Reference RunStore runs) {
        this(config.workers(), Duration.ofSeconds(config.poll_interval_seconds()),
                Duration.ofSeconds(config.shutdown_grace_seconds()), datasets, queue, engine, importer, runs);
    }

    public PipelineWorkers(int workers, Duration poll, Duration grace, DatasetStore datasets, PipelineQueue queue,
                           WorkflowEngine engine, DslImporter importer, RunStore runs) {
        if (workers < 1) {
            throw new IllegalArgumentException("pipeline.workers must be at least 1, got " + workers);
        }
        this.queue = queue;
        this.workers = workers;
        this.poll = poll.isZero() || poll.isNegative() ? Duration.ofSeconds(30) : poll;
        this.grace = grace;
        this.slots = new Semaphore(workers);
        this.runner = new ItemRunner(datasets, queue, engine, runs, new PublishedPipelines(new PipelineDsl(importer)),
                () -> stopping);
        int requeued = queue.requeueRunning();
        if (requeued > 0) {
            LOG.warn("Requeued {} pipeline item(s) left running by a previous process", requeued);
        }
        this.dispatcher = Thread.ofPlatform().name("pipeline-dispatcher").daemon().start(this::dispatch);
        LOG.info("Pipeline workers started: {} at a time", workers);
    }

    @Override
    public void itemsQueued() {
        wakeup.signal();
    }

    private void dispatch() {
        while (!stopping) {
            try {
                int free = slots.availablePermits();
                List<PipelineItem> claimed = free == 0 ? List.of() : claim(free);
                if (claimed.isEmpty()) {
                    wakeup.await(poll);
                    continue;
                }
                for (PipelineItem item : claimed) {
                    slots.acquire();
                    items.execute(() -> runItem(item));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<PipelineItem> claim(int max) {
        try {
            return queue.claim(max);
        } catch (RuntimeException e) {
            LOG.warn("Could not claim pipeline items; retrying after the poll interval", e);
            return List.of();
        }
    }

    private void runItem(PipelineItem item) {
        try {
            runner.process(item);
        } catch (InterruptedException e) {
            LOG.info("Pipeline item {} interrupted by shutdown; it will be requeued on the next start", item.id());
        } catch (RuntimeException e) {
            LOG.error("Pipeline item {} failed unexpectedly; it stays running until the next start", item.id(), e);
        } finally {
            slots.release();
            wakeup.signal();
        }
    }

    /** Stops claiming, waits up to the grace period for in-flight runs, then stops what is left. */
    @Deactivate
    public void deactivate() throws InterruptedException {
        stopping = true;
        dispatcher.interrupt();
        dispatcher.join(grace.toMillis() + 1);
        if (!slots.tryAcquire(workers, grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Pipeline runs still going after {} s; stopping them (their items are requeued on the next "
                    + "start)", grace.toSeconds());
            runner.stopAll(SHUTDOWN_REASON);
        }
        items.shutdownNow();
        items.awaitTermination(grace.toMillis() + 1, TimeUnit.MILLISECONDS);
    }
}
