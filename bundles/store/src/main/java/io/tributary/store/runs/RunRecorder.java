package io.tributary.store.runs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;
import io.tributary.api.store.RunRecord;
import io.tributary.api.store.RunStore;
import io.tributary.store.db.Database;

/**
 * Persists every run and node execution from the engine's events. Before it is registered (so before it can
 * see a run of this process) it fails the runs a previous process left {@code running}.
 */
@Component(service = EngineLayer.class)
public final class RunRecorder implements EngineLayer {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunTables tables;

    @Activate
    public RunRecorder(@Reference Database database) {
        this.tables = new RunTables(database.dataSource());
        int failed = tables.failRunning(RunStore.INTERRUPTED);
        if (failed > 0) {
            LOG.warn("Marked {} run(s) left running by a previous process as failed", failed);
        }
    }

    @Override
    public void onEvent(RunEvent event) {
        switch (event) {
            case RunStarted s -> tables.insertIfAbsent(
                    RunRecord.started(s.runId(), null, s.workflowId(), s.inputs(), null, s.at()));
            case NodeStarted s -> tables.nodeStarted(s);
            case NodeFinished f -> tables.nodeFinished(f);
            case RunFinished f -> tables.finish(f);
            default -> {
                // retries, chunks, logs and container passes are not recorded
            }
        }
    }
}
