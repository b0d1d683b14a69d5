package io.tributary.engine.impl.workers;

import io.tributary.api.node.NodeResult;
import io.tributary.engine.impl.errors.Failure;

/** How one node attempt ended. */
public sealed interface Outcome {

    /** The executor returned a result. */
    record Success(NodeResult result) implements Outcome {
    }

    /** The executor failed (or timed out, or returned nothing). */
    record Failed(Failure failure) implements Outcome {
    }

    /** The attempt was stopped (run stop, run failure elsewhere) or abandoned after the grace period. */
    record Stopped() implements Outcome {
    }
}
