package io.tributary.store.runs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;
import io.tributary.api.store.dto.RunRecord;

/**
 * Persists every run and node execution from the engine's events through the group-committing {@link RunWriter}
 * (the engine's event path only enqueues). The writer has failed the runs a previous process left {@code running}
 * before it accepts the first write.
 */
@Component(service = EngineLayer.class)
public final class RunRecorder implements EngineLayer {
    private final RunWriter writer;

    @Activate
    public RunRecorder(@Reference RunWriter writer) {
        this.writer = writer;
    }

    @Override
    public void onEvent(RunEvent event) {
        switch (event) {
            case RunStarted s -> writer.enqueue(new RunWriter.Begin(
                    RunRecord.started(s.runId(), null, s.workflowId(), s.inputs(), null, s.at())));
            case NodeStarted s -> writer.enqueue(new RunWriter.NodeStart(s));
            case NodeFinished f -> writer.enqueue(new RunWriter.NodeEnd(f));
            case RunFinished f -> writer.enqueue(new RunWriter.Finish(f));
            default -> {
                // retries, chunks, logs and container passes are not recorded
            }
        }
    }
}
