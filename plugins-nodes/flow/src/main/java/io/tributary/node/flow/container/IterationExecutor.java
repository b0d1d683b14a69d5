package io.tributary.node.flow.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.SubgraphResult;

import io.tributary.node.flow.Values;

/**
 * One iteration node of one run. Sequential passes run on the node's thread; parallel passes on up to
 * {@code parallel_nums} virtual threads of its own that take the next item when they are free. In
 * {@code terminated} mode the first failed pass stops the rest (their threads are interrupted, which stops
 * their passes). Stopping the run interrupts the node's thread, which interrupts every pass thread.
 */
final class IterationExecutor implements NodeExecutor {
    private final String nodeId;
    private final IterationNodeType.Spec spec;

    IterationExecutor(String nodeId, IterationNodeType.Spec spec) {
        this.nodeId = nodeId;
        this.spec = spec;
    }

    /** How one pass ended: its output, or why it failed. */
    private record Pass(Object output, String error, double seconds) {
        boolean failed() {
            return error != null;
        }
    }

    @Override
    public NodeResult execute(NodeContext ctx) throws NodeExecutionException, InterruptedException {
        List<?> items = items(ctx);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("iterator_selector", items);
        Pass[] passes = new Pass[items.size()];
        if (spec.parallel() && items.size() > 1) {
            parallel(ctx, items, passes);
        } else {
            for (int i = 0; i < items.size(); i++) {
                passes[i] = pass(ctx, items, i);
                if (passes[i].failed() && spec.errorMode().equals(IterationNodeType.TERMINATED)) {
                    break;
                }
            }
        }
        return result(ctx, inputs, passes);
    }

    private List<?> items(NodeContext ctx) throws NodeExecutionException {
        if (!ctx.variables().contains(spec.iterator())) {
            throw new NodeExecutionException("iterator variable " + String.join(".", spec.iterator()) + " not found",
                    "IteratorVariableNotFoundError", null);
        }
        Object v = ctx.variables().get(spec.iterator());
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new NodeExecutionException("invalid iterator value: " + Values.typeName(v) + " "
                    + String.join(".", spec.iterator()) + ", please provide a list", "InvalidIteratorValueError", null);
        }
        return l;
    }

    private Pass pass(NodeContext ctx, List<?> items, int i) throws InterruptedException {
        Stop.check(ctx, "iteration '" + nodeId + "' stopped before pass " + i);
        long t0 = System.nanoTime();
        Map<String, Object> locals = new LinkedHashMap<>();
        locals.put("item", items.get(i));
        locals.put("index", i);
        SubgraphResult r = ctx.subgraph().run(i, locals);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!r.succeeded()) {
            String error = r.error() == null ? "iteration pass " + i + " ended " + r.status() : r.error();
            return new Pass(null, error, seconds);
        }
        return new Pass(r.variables().get(spec.output()), null, seconds);
    }

    private void parallel(NodeContext ctx, List<?> items, Pass[] passes) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        boolean terminate = spec.errorMode().equals(IterationNodeType.TERMINATED);
        List<Thread> workers = new ArrayList<>();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                try {
                    passes[i] = pass(ctx, items, i);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    passes[i] = new Pass(null, "iteration pass " + i + " failed: " + e, 0);
                }
                if (passes[i].failed() && terminate) {
                    next.set(items.size());
                    workers.forEach(t -> {
                        if (t != Thread.currentThread()) {
                            t.interrupt();
                        }
                    });
                    return;
                }
            }
        };
        int n = Math.min(spec.parallelNums(), items.size());
        for (int w = 0; w < n; w++) {
            workers.add(Thread.ofVirtual().name("iteration-" + nodeId + "-" + w).unstarted(work));
        }
        workers.forEach(Thread::start); // the list is complete before any worker reads it
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        // workers end early when the run is stopped; their passes are then missing
        Stop.check(ctx, "iteration '" + nodeId + "' stopped");
    }

    private NodeResult result(NodeContext ctx, Map<String, Object> inputs, Pass[] passes)
            throws NodeExecutionException {
        List<Object> outputs = new ArrayList<>(passes.length);
        Map<String, Object> durations = new LinkedHashMap<>();
        for (int i = 0; i < passes.length; i++) {
            Pass p = passes[i];
            if (p == null) {
                continue; // not run: a terminated iteration stopped before it
            }
            durations.put(String.valueOf(i), p.seconds());
            if (!p.failed()) {
                outputs.add(p.output());
            } else if (spec.errorMode().equals(IterationNodeType.TERMINATED)) {
                throw new NodeExecutionException(p.error(), "IterationNodeError", null);
            } else {
                ctx.log().warn("iteration pass {} failed: {}", i, p.error());
                if (spec.errorMode().equals(IterationNodeType.CONTINUE_ON_ERROR)) {
                    outputs.add(null);
                }
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("iteration_length", passes.length);
        metadata.put("iteration_duration_map", durations);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output", spec.flatten() ? flatten(outputs) : outputs);
        return new NodeResult(inputs, null, out, metadata, null);
    }

    /** Dify's flattening: when every non-null output is a list (and there is one), their items in order. */
    static List<Object> flatten(List<Object> outputs) {
        boolean any = false;
        for (Object o : outputs) {
            if (o != null && !(o instanceof List)) {
                return outputs;
            }
            any |= o != null;
        }
        if (!any) {
            return outputs;
        }
        List<Object> flat = new ArrayList<>();
        for (Object o : outputs) {
            if (o instanceof List<?> l) {
                flat.addAll(l);
            }
        }
        return flat;
    }
}
