package io.tributary.engine.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.tributary.api.engine.RunListener;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunEvent;

/** Records a run's events; flags concurrent delivery. */
final class Recorder implements RunListener {
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean concurrent;

    @Override
    public void onEvent(RunEvent event) {
        if (inside.incrementAndGet() > 1) {
            concurrent = true;
        }
        events.add(event);
        inside.decrementAndGet();
    }

    <T extends RunEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> started() {
        return of(NodeStarted.class).stream().map(NodeStarted::nodeId).toList();
    }

    NodeFinished finished(String nodeId) {
        return of(NodeFinished.class).stream().filter(f -> f.nodeId().equals(nodeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no NodeFinished for " + nodeId + " in " + events));
    }

    String streamed() {
        StringBuilder sb = new StringBuilder();
        of(NodeStreamChunk.class).forEach(c -> sb.append(c.chunk()));
        return sb.toString();
    }

    int indexOf(Predicate<RunEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
