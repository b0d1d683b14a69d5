package io.tributary.engine.impl.orchestration;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunListener;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;

/** The client's view of a run. */
public final class RunHandleImpl implements RunHandle {
    private final Run run;

    RunHandleImpl(Run run) {
        this.run = run;
    }

    @Override
    public String runId() {
        return run.runId;
    }

    @Override
    public void stop(String reason) {
        run.stop(reason);
    }

    @Override
    public RunFinished await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return run.events.durable().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public CompletionStage<RunStarted> started() {
        return run.events.started().minimalCompletionStage();
    }

    @Override
    public CompletionStage<RunFinished> completion() {
        return run.events.durable().minimalCompletionStage();
    }

    @Override
    public void subscribe(RunListener listener) {
        run.events.subscribe(listener);
    }

    @Override
    public void unsubscribe(RunListener listener) {
        run.events.unsubscribe(listener);
    }
}
