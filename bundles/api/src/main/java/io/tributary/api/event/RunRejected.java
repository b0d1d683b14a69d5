package io.tributary.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * A run the engine refused to start (its graph or request has problems, its call depth is too deep, its id is
 * already running): nothing ran. It is the only event of such a run; there is no {@link RunStarted} and no
 * {@link RunFinished}. The engine hands it to every {@link io.tributary.api.engine.EngineLayer#onEvent layer} on
 * the caller's thread just before {@link io.tributary.api.engine.WorkflowEngine#start} throws
 * {@link io.tributary.api.engine.RunRejectedException}, so a recording layer stores the run as failed with this
 * error and the caller records nothing itself. Run listeners do not get it: the caller learns of the rejection from
 * the exception.
 *
 * @param workflowId the workflow it would have run
 * @param inputs     the inputs it was given
 * @param origin     who it belongs to; never {@code null}
 * @param error      why it was refused (the exception's message: every problem, joined)
 */
public record RunRejected(String runId, Instant at, String workflowId, Map<String, Object> inputs, RunOrigin origin,
                          String error) implements RunEvent {
    public RunRejected {
        origin = origin == null ? RunOrigin.NONE : origin;
        inputs = inputs == null ? Map.of() : inputs;
    }
}
