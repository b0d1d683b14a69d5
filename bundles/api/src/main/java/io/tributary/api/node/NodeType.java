package io.tributary.api.node;

import org.osgi.annotation.versioning.ConsumerType;

import io.tributary.api.model.GraphNode;

/**
 * A node type: a factory registered as an OSGi service with {@link NodeTypeProperties}. Several versions of
 * one type may be registered side by side by different bundle versions; graphs select one by
 * {@code data.version}.
 *
 * <p>Implementations are long-lived and shared by every run; they must be thread-safe and keep no per-run
 * state (that belongs in the {@link NodeExecutor}).
 */
@ConsumerType
public interface NodeType {

    /** How the engine schedules nodes of this type. */
    default ExecutionType executionType() {
        return ExecutionType.EXECUTABLE;
    }

    /**
     * Checks a node's {@code data} once, at import or publish time. The default accepts everything.
     *
     * @throws NodeValidationException with every problem found, each naming the field
     */
    default void validate(GraphNode node) throws NodeValidationException {
    }

    /**
     * Creates the executor for one node of one run. Called when the run starts; the executor is used for
     * every attempt (retries) of that node in that run.
     *
     * @throws NodeValidationException if {@code data} is invalid
     */
    NodeExecutor create(GraphNode node) throws NodeValidationException;
}
