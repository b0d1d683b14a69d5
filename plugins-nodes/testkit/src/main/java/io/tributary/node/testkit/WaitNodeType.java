package io.tributary.node.testkit;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;

/**
 * {@code wait}: sleeps {@code data.millis} (default 1000) and outputs {@code waited_ms}; stops at once when
 * interrupted. For stop, drain and timeout tests.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "wait")
public final class WaitNodeType implements NodeType {

    @Override
    public NodeExecutor create(GraphNode node) {
        long millis = node.data().get("millis") instanceof Number n ? n.longValue() : 1000L;
        return ctx -> {
            long t0 = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(millis);
            if (ctx.isCancelled()) {
                throw new NodeExecutionException("cancelled");
            }
            return NodeResult.of(Map.of("waited_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
        };
    }
}
