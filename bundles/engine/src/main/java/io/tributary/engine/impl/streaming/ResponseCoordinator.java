package io.tributary.engine.impl.streaming;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.node.ExecutionType;
import io.tributary.engine.impl.domain.GraphStructure;
import io.tributary.engine.impl.domain.NodeSpec;
import io.tributary.engine.impl.variables.Json;
import io.tributary.engine.impl.variables.Template;
import io.tributary.engine.impl.variables.VariablePool;

/**
 * Releases stream chunks in the order the response templates define (graphon's ResponseStreamCoordinator).
 *
 * <p>Every response node with a template gets a session. A session becomes eligible once every selective
 * ancestor (branch or fail-branch node) of its node has completed or was skipped and the node itself is not
 * skipped: from then on the node is known to be reached. Eligible sessions are served one at a time, in the
 * order they became eligible. The active session walks its template: literal text is released at once; a
 * variable releases the chunks streamed for its selector (buffered until then), and is complete when its
 * producer sent its last chunk, finished or was skipped; a producer that streamed nothing releases its whole
 * value as one chunk. Chunks of selectors no template references are dropped, as in Dify.
 *
 * <p>Confined to the run's serial loop.
 */
public final class ResponseCoordinator {

    /** Where released chunks go. */
    public interface Emitter {
        void chunk(String nodeId, String executionId, List<String> selector, String text, boolean last);
    }

    private static final class Stream {
        final List<String> chunks = new ArrayList<>();
        boolean closed;
    }

    private final class Session {
        final int node;
        final List<Object> parts;
        int pendingBlockers;
        int cursor;
        int read;
        boolean skipped;

        Session(int node, List<Object> parts) {
            this.node = node;
            this.parts = parts;
        }
    }

    private final GraphStructure g;
    private final VariablePool pool;
    private final Emitter emitter;
    private final List<Session> sessions = new ArrayList<>();
    private final Map<Integer, List<Session>> blocking = new HashMap<>();
    private final Set<List<String>> referenced = new HashSet<>();
    private final Map<List<String>, Stream> streams = new HashMap<>();
    private final ArrayDeque<Session> eligible = new ArrayDeque<>();
    private final String[] executionIds;
    private final BitSet finished;
    private final BitSet skipped;
    private Session active;

    public ResponseCoordinator(GraphStructure g, NodeSpec[] specs, int[] scope, VariablePool pool, Emitter emitter) {
        this.g = g;
        this.pool = pool;
        this.emitter = emitter;
        this.executionIds = new String[g.size()];
        this.finished = new BitSet(g.size());
        this.skipped = new BitSet(g.size());
        for (int r : scope) {
            if (specs[r].executionType() != ExecutionType.RESPONSE) {
                continue;
            }
            List<Object> parts = ResponseTemplate.of(specs[r].node());
            if (parts.isEmpty()) {
                continue;
            }
            Session s = new Session(r, parts);
            sessions.add(s);
            for (Object p : parts) {
                if (p instanceof Template.Ref ref) {
                    referenced.add(ref.selector());
                }
            }
            for (int a : ancestors(r)) {
                if (specs[a].selective()) {
                    s.pendingBlockers++;
                    blocking.computeIfAbsent(a, k -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    /** True when no response node streams: the coordinator can be skipped entirely. */
    public boolean idle() {
        return sessions.isEmpty();
    }

    private Set<Integer> ancestors(int node) {
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(node);
        while (!q.isEmpty()) {
            for (int e : g.in(q.poll())) {
                if (seen.add(g.source(e))) {
                    q.add(g.source(e));
                }
            }
        }
        return seen;
    }

    /** After the initial traversal (roots ready, unchosen roots skipped). */
    public void start() {
        for (Session s : sessions) {
            if (s.pendingBlockers == 0 && !s.skipped) {
                eligible.add(s);
            }
        }
        pump();
    }

    public void onNodeStarted(int node, String executionId) {
        executionIds[node] = executionId;
    }

    /** A chunk streamed by a node; {@code true} when a template references it. */
    public void onChunk(List<String> selector, String chunk, boolean last) {
        if (!referenced.contains(selector)) {
            return;
        }
        Stream st = streams.computeIfAbsent(selector, k -> new Stream());
        if (st.closed) {
            return;
        }
        if (chunk != null && !chunk.isEmpty()) {
            st.chunks.add(chunk);
        }
        st.closed |= last;
        pump();
    }

    /**
     * A node completed (succeeded or handled exception); its variables are in the pool and the traversal
     * after it (skips included) has settled.
     */
    public void onNodeFinished(int node) {
        finished.set(node);
        resolved(node);
        pump();
    }

    /** A node will not run. Does not release anything: call {@link #onNodeFinished} or {@link #start} after. */
    public void onNodeSkipped(int node) {
        skipped.set(node);
        for (Session s : sessions) {
            if (s.node == node) {
                s.skipped = true;
                eligible.remove(s);
            }
        }
        resolved(node);
        if (active != null && active.skipped) {
            active = null;
        }
        // no pump here: skips come in cascades during traversal; the caller pumps once it settled
    }

    private void resolved(int node) {
        List<Session> waiting = blocking.remove(node);
        if (waiting != null) {
            for (Session s : waiting) {
                if (--s.pendingBlockers == 0 && !s.skipped) {
                    eligible.add(s);
                }
            }
        }
    }

    private void pump() {
        while (true) {
            if (active == null) {
                active = eligible.poll();
                if (active == null) {
                    return;
                }
            }
            if (!advance(active)) {
                return;
            }
            active = null;
        }
    }

    /** Releases what the session can; true when it is complete. */
    private boolean advance(Session s) {
        while (s.cursor < s.parts.size()) {
            Object part = s.parts.get(s.cursor);
            if (part instanceof String text) {
                String id = g.node(s.node).id();
                emitter.chunk(id, null, List.of(id, "answer"), text, false);
            } else {
                List<String> sel = ((Template.Ref) part).selector();
                Integer producer = g.indexOf(sel.get(0));
                Stream st = streams.get(sel);
                String execId = producer == null ? null : executionIds[producer];
                if (st != null) {
                    while (s.read < st.chunks.size()) {
                        emitter.chunk(sel.get(0), execId, sel, st.chunks.get(s.read++), false);
                    }
                }
                boolean done = producer == null || finished.get(producer) || skipped.get(producer)
                        || st != null && st.closed;
                if (!done) {
                    return false;
                }
                if ((st == null || st.chunks.isEmpty()) && (producer == null || !skipped.get(producer))) {
                    String text = Json.text(pool.get(sel));
                    if (!text.isEmpty()) {
                        emitter.chunk(sel.get(0), execId, sel, text, true);
                    }
                }
            }
            s.cursor++;
            s.read = 0;
        }
        return true;
    }
}
