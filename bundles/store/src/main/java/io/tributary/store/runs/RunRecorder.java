package io.tributary.store.runs;

import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunRejected;
import io.tributary.api.event.RunStarted;
import io.tributary.api.store.dto.RunRecord;

/**
 * The one writer of run records: persists every run and node execution from the engine's events through the
 * group-committing {@link RunWriter} (the engine's event path only enqueues). The record's owner and user come
 * from the run's {@link RunStarted#origin()}; a run the engine refused ({@link RunRejected}) is inserted as failed.
 * {@link #onRunStart} and {@link #onRunEnd} return the commit of the run's first and last write, which the engine
 * turns into {@code RunHandle.started()} / {@code completion()}: no caller records or flushes. The writer has failed
 * the runs a previous process left {@code running} before it accepts the first write.
 */
@Component(service = EngineLayer.class)
public final class RunRecorder implements EngineLayer {
    private final RunWriter writer;

    @Activate
    public RunRecorder(@Reference RunWriter writer) {
        this.writer = writer;
    }

    @Override
    public CompletionStage<?> onRunStart(RunStarted s) {
        return writer.written(writer.enqueue(new RunWriter.Begin(RunRecord.started(s.runId(), s.origin().appId(),
                s.workflowId(), s.inputs(), s.origin().user(), s.at()))));
    }

    @Override
    public void onEvent(RunEvent event) {
        switch (event) {
            case NodeStarted s -> writer.enqueue(new RunWriter.NodeStart(s));
            case NodeFinished f -> writer.enqueue(new RunWriter.NodeEnd(f));
            case RunFinished f -> writer.enqueue(new RunWriter.Finish(f));
            case RunRejected r -> writer.enqueue(new RunWriter.Reject(RunTables.rejected(RunRecord.started(r.runId(),
                    r.origin().appId(), r.workflowId(), r.inputs(), r.origin().user(), r.at()), r.error())));
            default -> {
                // the start is written by onRunStart; retries, chunks, logs and container passes are not recorded
            }
        }
    }

    @Override
    public CompletionStage<?> onRunEnd(RunFinished finished) {
        // the Finish was enqueued in onEvent, before this call: everything queued so far includes it
        return writer.written(writer.enqueued());
    }
}
