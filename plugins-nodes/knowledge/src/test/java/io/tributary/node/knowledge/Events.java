package io.tributary.node.knowledge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.api.engine.RunListener;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;

/** The events of one run, in delivery order. */
public final class Events implements RunListener {
    public final List<RunEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RunEvent event) {
        all.add(event);
    }

    public <T extends RunEvent> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public RunFinished end() {
        return (RunFinished) all.get(all.size() - 1);
    }

    /** Ids of the nodes that started, in order. */
    public List<String> started() {
        return of(NodeStarted.class).stream().map(NodeStarted::nodeId).toList();
    }

    /** The (first) finish of a node. */
    public NodeFinished finished(String nodeId) {
        return finishes(nodeId).stream().findFirst()
                .orElseThrow(() -> new AssertionError("node " + nodeId + " did not finish: " + all));
    }

    /** Every finish of a node (one per pass inside containers). */
    public List<NodeFinished> finishes(String nodeId) {
        return of(NodeFinished.class).stream().filter(f -> f.nodeId().equals(nodeId)).toList();
    }

    public Object output(String nodeId, String key) {
        return finished(nodeId).outputs().get(key);
    }

    /** The text of every released {@code text_chunk}, concatenated. */
    public String streamed() {
        StringBuilder sb = new StringBuilder();
        of(NodeStreamChunk.class).forEach(c -> sb.append(c.chunk()));
        return sb.toString();
    }

    public int indexOf(java.util.function.Predicate<RunEvent> p) {
        for (int i = 0; i < all.size(); i++) {
            if (p.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
