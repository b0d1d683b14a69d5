package io.tributary.api.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.event.RunOrigin;
import io.tributary.api.model.JsonValues;

/**
 * What to run a graph with. Build it with {@link #builder()}.
 *
 * @param runId                 the run id; {@code null} → a random UUID
 * @param workflowId            the workflow (graph version) run, for events; may be {@code null}
 * @param inputs                the caller's inputs ({@code inputs} of the request), read by the start node
 * @param systemVariables       {@code sys.*} variables ({@code user_id}, {@code app_id}, {@code workflow_id},
 *                              {@code files}, {@code query}, ...); the engine adds {@code workflow_run_id}
 *                              and a {@code files} default of {@code []}; {@code null} values are dropped
 * @param environment           {@code env.*} variables, secret ones flagged
 * @param conversationVariables {@code conversation.*} variables
 * @param startNodeId           the root to run when the graph has several (the others and their exclusive
 *                              descendants are skipped); {@code null} → every root runs
 * @param callDepth             0 for a run started by a client; a workflow started by a node of another run
 *                              passes its parent's depth + 1. Beyond the configured maximum the run is rejected
 * @param limits                per-run limit overrides
 * @param listener              subscribed before the first event, so it sees the whole run; may be {@code null}
 * @param ragVariables          RAG pipeline variables, {@code rag.<owner>.<name>}: owner ({@code shared} or a
 *                              datasource node id) → an object of values; empty for workflow apps
 * @param origin                who the run belongs to (app or dataset id, end user): the engine puts it on
 *                              {@link io.tributary.api.event.RunStarted} / {@link io.tributary.api.event.RunRejected}
 *                              for the layers, so the recording layer writes the whole run record and the caller
 *                              writes nothing; {@code null} → {@link RunOrigin#NONE}
 */
public record RunRequest(String runId, String workflowId, Map<String, Object> inputs,
                         Map<String, Object> systemVariables, List<EnvironmentVariable> environment,
                         Map<String, Object> conversationVariables, String startNodeId, int callDepth,
                         RunLimits limits, RunListener listener, Map<String, Object> ragVariables,
                         RunOrigin origin) {
    public RunRequest {
        origin = origin == null ? RunOrigin.NONE : origin;
        ragVariables = ragVariables == null ? Map.of() : JsonValues.freeze(ragVariables);
        inputs = inputs == null ? Map.of() : JsonValues.freeze(inputs);
        systemVariables = systemVariables == null ? Map.of() : JsonValues.freeze(systemVariables);
        environment = environment == null ? List.of() : List.copyOf(environment);
        conversationVariables = conversationVariables == null ? Map.of() : JsonValues.freeze(conversationVariables);
        limits = limits == null ? RunLimits.NONE : limits;
        if (callDepth < 0) {
            throw new IllegalArgumentException("callDepth must not be negative: " + callDepth);
        }
    }

    /** A request without an origin (the shape of version 1.1.0). */
    public RunRequest(String runId, String workflowId, Map<String, Object> inputs,
                      Map<String, Object> systemVariables, List<EnvironmentVariable> environment,
                      Map<String, Object> conversationVariables, String startNodeId, int callDepth,
                      RunLimits limits, RunListener listener, Map<String, Object> ragVariables) {
        this(runId, workflowId, inputs, systemVariables, environment, conversationVariables, startNodeId, callDepth,
                limits, listener, ragVariables, RunOrigin.NONE);
    }

    /** A request without RAG pipeline variables nor origin (the shape of version 1.0.0). */
    public RunRequest(String runId, String workflowId, Map<String, Object> inputs,
                      Map<String, Object> systemVariables, List<EnvironmentVariable> environment,
                      Map<String, Object> conversationVariables, String startNodeId, int callDepth,
                      RunLimits limits, RunListener listener) {
        this(runId, workflowId, inputs, systemVariables, environment, conversationVariables, startNodeId, callDepth,
                limits, listener, Map.of(), RunOrigin.NONE);
    }

    /** A builder with no inputs, no variables and no listener. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunRequest}. */
    public static final class Builder {
        private String runId;
        private String workflowId;
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private final Map<String, Object> sys = new LinkedHashMap<>();
        private final List<EnvironmentVariable> env = new ArrayList<>();
        private final Map<String, Object> conversation = new LinkedHashMap<>();
        private String startNodeId;
        private int callDepth;
        private RunLimits limits = RunLimits.NONE;
        private RunListener listener;
        private final Map<String, Object> rag = new LinkedHashMap<>();
        private RunOrigin origin = RunOrigin.NONE;

        private Builder() {
        }

        public Builder runId(String id) {
            this.runId = id;
            return this;
        }

        public Builder workflowId(String id) {
            this.workflowId = id;
            return this;
        }

        public Builder inputs(Map<String, ?> values) {
            inputs.putAll(values);
            return this;
        }

        public Builder input(String name, Object value) {
            inputs.put(name, value);
            return this;
        }

        /** A {@code sys.*} variable, e.g. {@code user_id}. */
        public Builder system(String name, Object value) {
            sys.put(name, value);
            return this;
        }

        public Builder environment(String name, Object value, boolean secret) {
            env.add(new EnvironmentVariable(name, value, secret));
            return this;
        }

        public Builder conversation(String name, Object value) {
            conversation.put(name, value);
            return this;
        }

        public Builder startNodeId(String id) {
            this.startNodeId = id;
            return this;
        }

        public Builder callDepth(int depth) {
            this.callDepth = depth;
            return this;
        }

        public Builder limits(RunLimits l) {
            this.limits = l;
            return this;
        }

        public Builder listener(RunListener l) {
            this.listener = l;
            return this;
        }

        /** RAG pipeline variables of one owner ({@code shared} or a datasource node id), {@code rag.<owner>.*}. */
        public Builder rag(String owner, Map<String, ?> values) {
            rag.put(owner, new LinkedHashMap<>(values));
            return this;
        }

        /** Who the run belongs to: the app (or dataset) id and the end user. */
        public Builder origin(String appId, String user) {
            this.origin = new RunOrigin(appId, user);
            return this;
        }

        public RunRequest build() {
            return new RunRequest(runId, workflowId, inputs, sys, env, conversation, startNodeId, callDepth, limits,
                    listener, rag, origin);
        }
    }
}
