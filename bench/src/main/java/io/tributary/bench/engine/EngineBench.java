package io.tributary.bench.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.tributary.api.engine.RunListener;
import io.tributary.api.engine.RunLimits;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.engine.impl.WorkflowEngineImpl;
import io.tributary.engine.impl.limits.Limits;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/**
 * Engine overhead: whole runs ({@code start} → {@code RunFinished}) of graphs of trivial nodes (each returns
 * a constant output), on the real {@link WorkflowEngineImpl} constructed directly (no OSGi), with the
 * engine's default limits except {@code max_steps} (raised to fit 1,000 nodes). One run per operation; the
 * benchmark thread blocks in {@code RunHandle.await} as a blocking API client does.
 *
 * <ul>
 * <li>{@code single}: one node — the fixed cost of a run;</li>
 * <li>{@code three}: start → noop → end;</li>
 * <li>{@code chain1000}: a linear chain of 1,000 nodes (µs per node = score / 1000);</li>
 * <li>{@code fanout1000}: start → 1,000 parallel nodes → end (join), {@code max_parallel_nodes} 10;</li>
 * <li>{@code *Listened}: the same with a listener that sees every event (as the SSE writer or the run
 * recorder does), so events cannot be elided.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EngineBench {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private WorkflowEngineImpl engine;
    private Graph single;
    private Graph three;
    private Graph chain1000;
    private Graph fanout1000;
    private RunRequest request;
    private RunRequest listened;
    private final AtomicLong seen = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryNodeTypeRegistry registry = trivialNodeTypes();
        Limits defaults = new Limits(500, Duration.ofSeconds(1200), Duration.ofSeconds(600), 10, 204800, 5,
                Duration.ofMillis(2000));
        engine = new WorkflowEngineImpl(defaults, Duration.ofSeconds(10), registry);
        single = chain(1);
        three = chain(3);
        chain1000 = chain(1000);
        fanout1000 = fanOut(1000);
        RunLimits limits = new RunLimits(10_000, null, null, null, null);
        request = RunRequest.builder().limits(limits).input("query", "hello").build();
        RunListener counter = e -> seen.incrementAndGet();
        listened = RunRequest.builder().limits(limits).input("query", "hello").listener(counter).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.deactivate();
    }

    @Benchmark
    public RunFinished single() throws Exception {
        return run(single, request);
    }

    @Benchmark
    public RunFinished three() throws Exception {
        return run(three, request);
    }

    @Benchmark
    public RunFinished chain1000() throws Exception {
        return run(chain1000, request);
    }

    @Benchmark
    public RunFinished fanout1000() throws Exception {
        return run(fanout1000, request);
    }

    @Benchmark
    public RunFinished threeListened() throws Exception {
        return run(three, listened);
    }

    @Benchmark
    public RunFinished chain1000Listened() throws Exception {
        return run(chain1000, listened);
    }

    private RunFinished run(Graph graph, RunRequest req) throws Exception {
        RunFinished f = engine.start(graph, req).await(WAIT);
        if (f.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run " + f.status() + ": " + f.error());
        }
        return f;
    }

    /** start → noop × (n-2) → end; one node: a lone start. */
    static Graph chain(int n) {
        List<GraphNode> nodes = new ArrayList<>(n);
        List<GraphEdge> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String type = i == 0 ? "start" : i == n - 1 ? "end" : "noop";
            nodes.add(new GraphNode("n" + i, type, null, "Node " + i, Map.of()));
            if (i > 0) {
                edges.add(new GraphEdge(null, "n" + (i - 1), null, "n" + i));
            }
        }
        return new Graph(nodes, edges);
    }

    /** start → {@code width} noop nodes in parallel → end (an OR-join that waits for every branch). */
    static Graph fanOut(int width) {
        List<GraphNode> nodes = new ArrayList<>(width + 2);
        List<GraphEdge> edges = new ArrayList<>(2 * width);
        nodes.add(new GraphNode("start", "start", null, "Start", Map.of()));
        for (int i = 0; i < width; i++) {
            nodes.add(new GraphNode("p" + i, "noop", null, "Branch " + i, Map.of()));
            edges.add(new GraphEdge(null, "start", null, "p" + i));
            edges.add(new GraphEdge(null, "p" + i, null, "end"));
        }
        nodes.add(new GraphNode("end", "end", null, "End", Map.of()));
        return new Graph(nodes, edges);
    }

    /**
     * Three trivial node types, {@code start}, {@code noop} and {@code end} (a response node without template),
     * each returning one constant output, in the engine tests' registry (not recording requests).
     */
    private static InMemoryNodeTypeRegistry trivialNodeTypes() {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry(false);
        NodeResult result = NodeResult.of(Map.of("text", "ok"));
        for (Map.Entry<String, ExecutionType> t : Map.of("start", ExecutionType.ROOT, "noop", ExecutionType.EXECUTABLE,
                "end", ExecutionType.RESPONSE).entrySet()) {
            registry.add(new NodeTypeInfo(t.getKey(), null, "1.0.0", 1, "bench.nodes", "1.0.0"), new NodeType() {
                @Override
                public ExecutionType executionType() {
                    return t.getValue();
                }

                @Override
                public NodeExecutor create(GraphNode node) {
                    return ctx -> result;
                }
            });
        }
        return registry;
    }
}
