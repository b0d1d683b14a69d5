package io.tributary.node.flow.template;

import java.util.function.BooleanSupplier;

/**
 * The budget of one render: {@link #check()} runs before every template node (tag, expression, text) is
 * rendered, on the rendering thread, and ends the render by throwing {@link Exhausted} when the run was
 * stopped (the node is cancelled or its thread interrupted), the render time is up or the thread allocated
 * more than the memory budget. Jinjava turns the throw into a fatal error and renders nothing more that
 * passes the check, so a stopped render ends within one node's work; the breach is kept here for the
 * renderer to report.
 */
final class RenderBudget {
    /** Ends a render; carries no stack (it is thrown at every remaining node). */
    static final class Exhausted extends RuntimeException {
        Exhausted(String message) {
            super(message, null, false, false);
        }
    }

    private final TemplateLimits limits;
    private final BooleanSupplier cancelled;
    private final ThreadAllocation allocation;
    private final long deadline;
    private final long allocatedAtStart;
    private volatile boolean stopped;
    private volatile String breach;

    RenderBudget(TemplateLimits limits, BooleanSupplier cancelled, ThreadAllocation allocation) {
        this.limits = limits;
        this.cancelled = cancelled;
        this.allocation = allocation;
        this.deadline = System.nanoTime() + limits.maxRenderTime().toNanos();
        this.allocatedAtStart = allocation.current();
    }

    void check() {
        if (stopped || breach != null) {
            throw new Exhausted(breach != null ? breach : "render stopped");
        }
        if (Thread.currentThread().isInterrupted() || cancelled.getAsBoolean()) {
            stopped = true;
            throw new Exhausted("render stopped");
        }
        if (System.nanoTime() - deadline > 0) {
            throw exceeded("Template rendering took longer than " + limits.maxRenderTime().toMillis()
                    + " ms (template-transform max.render.time.ms)");
        }
        if (allocatedAtStart >= 0) {
            long used = allocation.current() - allocatedAtStart;
            if (used > limits.maxRenderMemory()) {
                throw exceeded("Template rendering used more than " + (limits.maxRenderMemory() >> 20)
                        + " MB of memory (template-transform max.render.memory.mb)");
            }
        }
    }

    private Exhausted exceeded(String message) {
        breach = message;
        return new Exhausted(message);
    }

    /** True when the render ended because the run was stopped or the thread interrupted. */
    boolean stopped() {
        return stopped;
    }

    /** The limit the render exceeded, or {@code null}. */
    String breach() {
        return breach;
    }
}
