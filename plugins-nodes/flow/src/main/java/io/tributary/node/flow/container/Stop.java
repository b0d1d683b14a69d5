package io.tributary.node.flow.container;

import io.tributary.api.node.NodeContext;

/**
 * The check a container makes before each pass: a stopped run (or an interrupted thread) ends the container
 * there, even when its passes are too quick to notice the stop themselves (a {@code loop} of a million empty
 * passes).
 */
final class Stop {
    private Stop() {
    }

    static void check(NodeContext ctx, String message) throws InterruptedException {
        if (ctx.isCancelled() || Thread.interrupted()) {
            throw new InterruptedException(message);
        }
    }
}
