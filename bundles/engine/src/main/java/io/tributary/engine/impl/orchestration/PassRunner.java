package io.tributary.engine.impl.orchestration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.api.event.RunStatus;
import io.tributary.api.node.SubgraphResult;
import io.tributary.api.node.SubgraphRunner;
import io.tributary.engine.impl.domain.NodeExecution;

/**
 * Runs passes of a container's child graph as child scopes on the run's loop, and waits for them on the
 * container's thread. Interrupting that thread stops the pass.
 */
final class PassRunner implements SubgraphRunner {
    private final GraphEngine parent;
    private final NodeExecution container;

    PassRunner(GraphEngine parent, NodeExecution container) {
        this.parent = parent;
        this.container = container;
    }

    @Override
    public SubgraphResult run(int index, Map<String, Object> localVariables) throws InterruptedException {
        CompletableFuture<SubgraphResult> done = new CompletableFuture<>();
        GraphEngine pass = parent.pass(container, index, localVariables == null ? Map.of() : localVariables,
                done::complete);
        Run run = parent.run();
        int root = parent.passRoot(container.spec);
        run.loop.executeAsync(() -> pass.begin(root));
        try {
            return done.get();
        } catch (InterruptedException e) {
            run.loop.executeAsync(() -> pass.terminate(RunStatus.STOPPED, "stopped", null));
            // the container ends after its pass: its nodes end (or are abandoned after the stop grace) first.
            // Uninterruptibly: the stop interrupts this thread more than once.
            long until = System.nanoTime() + run.limits.stopGrace().toNanos() + TimeUnit.SECONDS.toNanos(1);
            while (!done.isDone() && System.nanoTime() < until) {
                try {
                    done.get(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException again) {
                    // keep waiting
                } catch (ExecutionException | TimeoutException again) {
                    break;
                }
            }
            throw e;
        } catch (ExecutionException e) {
            return new SubgraphResult(RunStatus.FAILED, String.valueOf(e.getCause()), "EngineError", pass.pool);
        }
    }
}
