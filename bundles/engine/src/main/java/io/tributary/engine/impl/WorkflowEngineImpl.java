package io.tributary.engine.impl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.EngineLayer;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.RunHandle;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.model.Graph;
import io.tributary.api.model.Problem;
import io.tributary.engine.impl.domain.CheckedGraphs;
import io.tributary.engine.impl.domain.Ids;
import io.tributary.engine.impl.domain.RunPlan;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.engine.impl.orchestration.Planner;
import io.tributary.engine.impl.events.Rejections;
import io.tributary.engine.impl.orchestration.Run;
import io.tributary.engine.impl.workers.Deadlines;

/**
 * The {@link WorkflowEngine} service: validates and plans graphs, creates one {@link Run} per start (plain
 * objects, not components), tracks active runs, and owns the one timer thread the engine uses (node
 * timeouts, retry delays, run time limits, stop grace). Layers are bound dynamically (whiteboard); each run
 * takes the layers present when it starts.
 */
@Component(service = WorkflowEngine.class, configurationPid = WorkflowEngineImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WorkflowEngineImpl.Config.class)
public final class WorkflowEngineImpl implements WorkflowEngine {
    /** The configuration PID (API: keep it stable). */
    public static final String PID = "io.tributary.engine";
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngineImpl.class);

    /** Engine limits. */
    @ObjectClassDefinition(name = "Tributary workflow engine", description = "Limits of workflow and pipeline runs")
    public @interface Config {
        @AttributeDefinition(name = "Maximum steps", description = "Node executions allowed per run")
        int max_steps() default 500;

        @AttributeDefinition(name = "Maximum run time (s)", description = "Wall time allowed per run")
        long max_run_time_seconds() default 1200;

        @AttributeDefinition(name = "Maximum call depth", description = "Deepest nesting of workflow runs")
        int max_call_depth() default 5;

        @AttributeDefinition(name = "Maximum variable size (bytes)",
                description = "Largest value a variable write (assigner) may store, in bytes of its JSON text")
        long max_variable_size() default 204800;

        @AttributeDefinition(name = "Node timeout (s)", description = "Wall time allowed per node attempt")
        long node_timeout_seconds() default 600;

        @AttributeDefinition(name = "Maximum parallel nodes", description = "Nodes of one run executing at once")
        int max_parallel_nodes() default 10;

        @AttributeDefinition(name = "Stop grace (ms)",
                description = "How long a stopped or timed-out node may take to end before it is abandoned")
        long stop_grace_millis() default 2000;

        @AttributeDefinition(name = "Shutdown drain timeout (s)",
                description = "On deactivation, how long running runs get to end after being stopped")
        long shutdown_drain_seconds() default 10;
    }

    private final NodeTypeRegistry registry;
    private final Planner planner;
    private final ScheduledThreadPoolExecutor timers;
    private final Deadlines deadlines;
    private final Map<String, Run> active = new ConcurrentHashMap<>();
    private final List<EngineLayer> layers = new CopyOnWriteArrayList<>();
    private volatile Limits limits;
    private volatile Duration drain;

    @Activate
    public WorkflowEngineImpl(Config config, @Reference NodeTypeRegistry registry, @Reference CheckedGraphs graphs) {
        this(limits(config), Duration.ofSeconds(config.shutdown_drain_seconds()), registry, graphs);
    }

    /** For tests and embedding: explicit limits, a cache of checked graphs of its own. */
    public WorkflowEngineImpl(Limits limits, Duration shutdownDrain, NodeTypeRegistry registry) {
        this(limits, shutdownDrain, registry, new CheckedGraphs());
    }

    /** For tests and embedding: explicit limits, sharing checked graphs with a DSL importer. */
    public WorkflowEngineImpl(Limits limits, Duration shutdownDrain, NodeTypeRegistry registry, CheckedGraphs graphs) {
        this.registry = registry;
        this.planner = new Planner(registry, graphs);
        this.limits = limits;
        this.drain = shutdownDrain;
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tributary-engine-timer");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.deadlines = new Deadlines(timers);
    }

    /** The configured defaults as limits. */
    public static Limits limits(Config c) {
        return new Limits(c.max_steps(), Duration.ofSeconds(c.max_run_time_seconds()),
                Duration.ofSeconds(c.node_timeout_seconds()), Math.max(1, c.max_parallel_nodes()),
                c.max_variable_size(), c.max_call_depth(), Duration.ofMillis(c.stop_grace_millis()));
    }

    @Modified
    void modified(Config config) {
        this.limits = limits(config);
        this.drain = Duration.ofSeconds(config.shutdown_drain_seconds());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addLayer(EngineLayer layer) {
        layers.add(layer);
    }

    public void removeLayer(EngineLayer layer) {
        layers.remove(layer);
    }

    @Deactivate
    public void deactivate() {
        List<Run> runs = List.copyOf(active.values());
        for (Run r : runs) {
            r.handle().stop("engine shutting down");
        }
        long deadline = System.nanoTime() + drain.toNanos();
        for (Run r : runs) {
            try {
                r.handle().await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (TimeoutException e) {
                LOG.warn("Run {} did not end within the shutdown drain timeout", r.runId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.shutdownNow();
    }

    @Override
    public RunHandle start(Graph graph, RunRequest request) throws RunRejectedException {
        Limits l = limits.with(request.limits());
        String runId = request.runId() == null || request.runId().isBlank() ? Ids.uuid() : request.runId();
        if (active.containsKey(runId)) {
            // not reported to the layers: the record of that id belongs to the run that is going on
            throw new RunRejectedException(List.of(Problem.of(Problem.RUN, "", "run '" + runId
                    + "' is already running")));
        }
        RunPlan plan;
        try {
            if (request.callDepth() > l.maxCallDepth()) {
                throw new RunRejectedException(List.of(Problem.of(Problem.RUN, "",
                        Limits.callDepthExceeded(request.callDepth(), l.maxCallDepth()))));
            }
            plan = planner.plan(graph, request.startNodeId());
        } catch (RunRejectedException e) {
            throw Rejections.report(List.copyOf(layers), runId, request, e);
        }
        Run run = Run.create(runId, request, plan, l, List.copyOf(layers), timers, deadlines,
                () -> active.remove(runId));
        active.put(runId, run);
        if (request.listener() != null) {
            run.handle().subscribe(request.listener());
        }
        run.start();
        return run.handle();
    }

    @Override
    public List<Problem> validate(Graph graph) {
        return planner.validate(graph);
    }

    @Override
    public Optional<RunHandle> run(String runId) {
        Run r = active.get(runId);
        return r == null ? Optional.empty() : Optional.of(r.handle());
    }

    /** Runs not yet ended (for tests and monitoring). */
    public int activeRuns() {
        return active.size();
    }
}
