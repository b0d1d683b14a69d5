package io.tributary.engine.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.node.SubgraphResult;

/** Node types for engine tests; data-driven so graphs say what each node does. */
final class TestNodes {
    private TestNodes() {
    }

    /** A node type from an execution type and a body. */
    static NodeType type(ExecutionType et, NodeExecutor body) {
        return new NodeType() {
            @Override
            public ExecutionType executionType() {
                return et;
            }

            @Override
            public NodeExecutor create(GraphNode node) {
                return body;
            }
        };
    }

    /** {@code start}: outputs the run inputs. */
    static NodeType start() {
        return type(ExecutionType.ROOT, ctx -> NodeResult.of(ctx.runInputs(), ctx.runInputs()));
    }

    /** {@code echo}: {@code data.outputs} with string values rendered as templates; {@code data.tokens} as usage. */
    static NodeType echo() {
        return type(ExecutionType.EXECUTABLE, ctx -> {
            Map<String, Object> out = rendered(ctx);
            Object tokens = ctx.node().data().get("tokens");
            return new NodeResult(Map.of(), null, out, tokens == null ? null : Map.of("total_tokens", tokens), null);
        });
    }

    static Map<String, Object> rendered(NodeContext ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ctx.node().data().get("outputs") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put((String) k, v instanceof String s ? ctx.variables().render(s) : v));
        }
        if (ctx.node().data().get("select") instanceof List<?> sel) {
            out.put("selected", ctx.variables().get(sel.stream().map(String::valueOf).toList()));
            out.put("contains", ctx.variables().contains(sel.stream().map(String::valueOf).toList()));
        }
        return out;
    }

    /** {@code branch}: selects the handle {@code data.handle} (rendered). */
    static NodeType branch() {
        return type(ExecutionType.BRANCH, ctx -> NodeResult.branch(
                ctx.variables().render((String) ctx.node().data().get("handle")), Map.of(), Map.of()));
    }

    /** {@code end}: outputs from {@code data.outputs[{variable, value_selector}]}. */
    static NodeType end() {
        return type(ExecutionType.RESPONSE, ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            if (ctx.node().data().get("outputs") instanceof List<?> l) {
                for (Object o : l) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    List<String> sel = ((List<?>) m.get("value_selector")).stream().map(String::valueOf).toList();
                    out.put((String) m.get("variable"), ctx.variables().get(sel));
                }
            }
            return NodeResult.of(out, out);
        });
    }

    /** {@code answer}: {@code data.answer} rendered. */
    static NodeType answer() {
        return type(ExecutionType.RESPONSE, ctx -> NodeResult.of(Map.of("answer",
                ctx.variables().render((String) ctx.node().data().get("answer")))));
    }

    /** {@code fail}: an expected failure with {@code data.message}. */
    static NodeType fail() {
        return type(ExecutionType.EXECUTABLE, ctx -> {
            throw new NodeExecutionException(ctx.variables().render((String) ctx.node().data().get("message")),
                    "TestFailure", null);
        });
    }

    /** {@code boom}: a plugin bug: {@code data.kind} = runtime | error | npe. */
    static NodeType boom() {
        return type(ExecutionType.EXECUTABLE, ctx -> {
            switch (String.valueOf(ctx.node().data().get("kind"))) {
                case "error" -> throw new AssertionError("plugin assertion broke");
                case "npe" -> throw new NullPointerException();
                default -> throw new IllegalStateException("plugin state is bad");
            }
        });
    }

    /** {@code big}: outputs a string of {@code data.size} characters. */
    static NodeType big() {
        return type(ExecutionType.EXECUTABLE, ctx -> NodeResult.of(Map.of("text",
                "x".repeat(((Number) ctx.node().data().get("size")).intValue()))));
    }

    /** Fails {@code data.failures} times per node id, then succeeds with {@code {attempts}}. */
    static final class Flaky implements NodeType {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public NodeExecutor create(GraphNode node) {
            int failures = ((Number) node.data().get("failures")).intValue();
            return ctx -> {
                int n = calls.computeIfAbsent(node.id(), k -> new AtomicInteger()).incrementAndGet();
                if (n <= failures) {
                    throw new NodeExecutionException("attempt " + n + " failed");
                }
                return NodeResult.of(Map.of("attempts", n));
            };
        }
    }

    /** Blocks until interrupted ({@code data.park}: LockSupport.park, else Thread.sleep), counting entries. */
    static final class Blocking implements NodeType {
        final CountDownLatch entered;
        final AtomicInteger interrupted = new AtomicInteger();

        Blocking(int n) {
            entered = new CountDownLatch(n);
        }

        @Override
        public NodeExecutor create(GraphNode node) {
            boolean park = Boolean.TRUE.equals(node.data().get("park"));
            boolean ignore = Boolean.TRUE.equals(node.data().get("ignore_interrupts"));
            return ctx -> {
                entered.countDown();
                if (ignore) {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                    while (System.nanoTime() < until) {
                        LockSupport.parkNanos(until - System.nanoTime());
                    }
                    return NodeResult.of(Map.of());
                }
                if (park) {
                    while (!Thread.currentThread().isInterrupted()) {
                        LockSupport.park(this);
                    }
                    interrupted.incrementAndGet();
                    throw new InterruptedException();
                }
                try {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
                return NodeResult.of(Map.of());
            };
        }
    }

    /** All nodes of this type meet at a barrier: proves they run at the same time. */
    static final class Barrier implements NodeType {
        final CyclicBarrier barrier;

        Barrier(int parties) {
            barrier = new CyclicBarrier(parties);
        }

        @Override
        public NodeExecutor create(GraphNode node) {
            return ctx -> {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new NodeExecutionException("barrier not reached: " + e);
                }
                return NodeResult.of(Map.of("met", true));
            };
        }
    }

    /**
     * Streams {@code data.chunks} as {@code [id, text]} and outputs their concatenation. Waits for the latch
     * named {@code data.wait_for} first, counts down the latch named after the node id when done streaming.
     */
    static final class Streamer implements NodeType {
        final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();

        CountDownLatch latch(String name) {
            return latches.computeIfAbsent(name, k -> new CountDownLatch(1));
        }

        @Override
        public NodeExecutor create(GraphNode node) {
            return ctx -> {
                if (node.data().get("wait_for") instanceof String w && !latch(w).await(10, TimeUnit.SECONDS)) {
                    throw new NodeExecutionException("latch " + w + " not reached");
                }
                StringBuilder all = new StringBuilder();
                List<?> chunks = (List<?>) node.data().get("chunks");
                for (int i = 0; i < chunks.size(); i++) {
                    String c = (String) chunks.get(i);
                    all.append(c);
                    ctx.streamChunk(List.of(node.id(), "text"), c, i == chunks.size() - 1);
                }
                latch(node.id()).countDown();
                return NodeResult.of(Map.of("text", all.toString()));
            };
        }
    }

    /**
     * A reference {@code iteration}: runs the child graph once per item of {@code data.iterator_selector}
     * ({@code data.parallel}: all passes at once), collecting {@code data.output_selector} of each pass.
     * {@code data.error_handle_mode}: terminated (default) or continue-on-error (failed passes give null).
     */
    static final class Iteration implements NodeType {
        @Override
        public ExecutionType executionType() {
            return ExecutionType.CONTAINER;
        }

        @Override
        public NodeExecutor create(GraphNode node) throws NodeValidationException {
            if (!(node.data().get("iterator_selector") instanceof List<?> it)) {
                throw new NodeValidationException("iterator_selector is required");
            }
            List<String> iterator = it.stream().map(String::valueOf).toList();
            List<String> output = ((List<?>) node.data().get("output_selector")).stream().map(String::valueOf).toList();
            boolean parallel = Boolean.TRUE.equals(node.data().get("parallel"));
            boolean continueOnError = "continue-on-error".equals(node.data().get("error_handle_mode"));
            return ctx -> {
                List<?> items = (List<?>) ctx.variables().get(iterator);
                Object[] results = new Object[items.size()];
                SubgraphResult[] passes = new SubgraphResult[items.size()];
                if (parallel) {
                    List<Thread> threads = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        int idx = i;
                        threads.add(Thread.ofVirtual().start(() -> {
                            try {
                                passes[idx] = ctx.subgraph().run(idx, Map.of("item", items.get(idx), "index", idx));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }));
                    }
                    for (Thread t : threads) {
                        t.join();
                    }
                } else {
                    for (int i = 0; i < items.size(); i++) {
                        passes[i] = ctx.subgraph().run(i, Map.of("item", items.get(i), "index", i));
                        if (!passes[i].succeeded() && !continueOnError) {
                            break;
                        }
                    }
                }
                for (int i = 0; i < passes.length; i++) {
                    SubgraphResult r = passes[i];
                    if (r == null) {
                        continue;
                    }
                    if (!r.succeeded() && !continueOnError) {
                        throw new NodeExecutionException("iteration " + i + " failed: " + r.error());
                    }
                    results[i] = r.succeeded() ? r.variables().get(output) : null;
                }
                return NodeResult.of(Map.of("output", java.util.Arrays.asList(results)));
            };
        }
    }

    /**
     * A reference {@code loop}: one loop variable {@code data.variable} starting at {@code data.initial}; each
     * pass reads it as {@code [loop_id, variable]} and the value of {@code data.next_selector} after the pass
     * becomes the next value; stops when it reaches {@code data.break_at} or after {@code data.loop_count}
     * passes. Outputs the final value.
     */
    static final class Loop implements NodeType {
        @Override
        public ExecutionType executionType() {
            return ExecutionType.CONTAINER;
        }

        @Override
        public NodeExecutor create(GraphNode node) {
            String var = (String) node.data().get("variable");
            List<String> next = ((List<?>) node.data().get("next_selector")).stream().map(String::valueOf).toList();
            long breakAt = ((Number) node.data().get("break_at")).longValue();
            int max = ((Number) node.data().get("loop_count")).intValue();
            return ctx -> {
                Object value = node.data().get("initial");
                int passes = 0;
                while (passes < max && ((Number) value).longValue() < breakAt) {
                    SubgraphResult r = ctx.subgraph().run(passes++, Map.of(var, value));
                    if (!r.succeeded()) {
                        throw new NodeExecutionException("loop pass " + (passes - 1) + " failed: " + r.error());
                    }
                    value = r.variables().get(next);
                }
                return NodeResult.of(Map.of(var, value, "passes", passes));
            };
        }
    }

    /** {@code inc}: outputs {@code n} = the number at {@code data.from} + 1. */
    static NodeType inc() {
        return type(ExecutionType.EXECUTABLE, ctx -> {
            List<String> from = ((List<?>) ctx.node().data().get("from")).stream().map(String::valueOf).toList();
            return NodeResult.of(Map.of("n", ((Number) ctx.variables().get(from)).longValue() + 1));
        });
    }
}
