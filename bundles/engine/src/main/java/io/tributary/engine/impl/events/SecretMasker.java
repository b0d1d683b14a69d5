package io.tributary.engine.impl.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.engine.EnvironmentVariable;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeLogged;
import io.tributary.api.event.NodeRetry;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStreamChunk;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStarted;

/**
 * Replaces secret environment values by {@value EnvironmentVariable#MASK} in every string of an event, however
 * deeply nested. A run without secrets uses {@link #NONE}, which returns events untouched.
 *
 * <p>Known limit: a secret split across two stream chunks is not recognised.
 */
public final class SecretMasker {
    public static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> secrets;

    private SecretMasker(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A masker for the secret values among {@code env} (non-string secrets are masked by their text). */
    public static SecretMasker of(Collection<EnvironmentVariable> env) {
        List<String> s = new ArrayList<>();
        for (EnvironmentVariable v : env) {
            if (v.secret() && v.value() != null && !String.valueOf(v.value()).isEmpty()) {
                s.add(String.valueOf(v.value()));
            }
        }
        // longest first, so a secret containing another is masked whole
        s.sort((a, b) -> b.length() - a.length());
        return s.isEmpty() ? NONE : new SecretMasker(List.copyOf(s));
    }

    public boolean active() {
        return !secrets.isEmpty();
    }

    /** The event with every secret masked (the same instance when nothing needed masking or no secrets). */
    public RunEvent mask(RunEvent e) {
        if (secrets.isEmpty()) {
            return e;
        }
        return switch (e) {
            case RunStarted s -> new RunStarted(s.runId(), s.at(), s.workflowId(), map(s.inputs()), s.origin());
            case RunFinished f -> new RunFinished(f.runId(), f.at(), f.workflowId(), f.status(), map(f.outputs()),
                    str(f.error()), f.exceptionsCount(), f.totalSteps(), f.totalTokens(), f.startedAt(),
                    f.elapsedMillis());
            case NodeStarted s -> new NodeStarted(s.runId(), s.at(), s.executionId(), s.nodeId(), s.nodeType(),
                    s.nodeVersion(), s.title(), s.index(), s.predecessorNodeId(), map(s.inputs()), s.iterationId(),
                    s.loopId());
            case NodeFinished f -> new NodeFinished(f.runId(), f.at(), f.executionId(), f.nodeId(), f.nodeType(),
                    f.nodeVersion(), f.title(), f.index(), f.predecessorNodeId(), f.status(), map(f.inputs()),
                    map(f.processData()), map(f.outputs()), map(f.metadata()), str(f.error()), f.errorType(),
                    f.startedAt(), f.elapsedMillis(), f.iterationId(), f.loopId());
            case NodeRetry r -> new NodeRetry(r.runId(), r.at(), r.executionId(), r.nodeId(), r.nodeType(),
                    r.nodeVersion(), r.title(), r.index(), r.predecessorNodeId(), r.retryIndex(), map(r.inputs()),
                    map(r.processData()), map(r.outputs()), map(r.metadata()), str(r.error()), r.errorType(),
                    r.startedAt(), r.elapsedMillis(), r.iterationId(), r.loopId());
            case NodeStreamChunk c -> new NodeStreamChunk(c.runId(), c.at(), c.executionId(), c.nodeId(),
                    c.selector(), str(c.chunk()), c.last());
            case NodeLogged l -> new NodeLogged(l.runId(), l.at(), l.executionId(), l.nodeId(), l.level(),
                    str(l.message()));
            default -> e;
        };
    }

    /** A string with every secret masked. */
    public String str(String s) {
        if (s == null || secrets.isEmpty()) {
            return s;
        }
        String out = s;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, EnvironmentVariable.MASK);
            }
        }
        return out;
    }

    private Map<String, Object> map(Map<String, Object> m) {
        if (m == null || m.isEmpty()) {
            return m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, value(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private Object value(Object v) {
        if (v instanceof String s) {
            return str(s);
        }
        if (v instanceof Map<?, ?> m) {
            return map((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(value(o));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }
}
