package io.tributary.engine.impl.domain;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.Graph;

/**
 * The {@link GraphStructure} of each graph, checked once and kept while the graph itself is in use: keyed by
 * the {@link Graph} <em>instance</em> (weakly, by identity), never by its contents, so a lookup costs no
 * hashing of the graph and an entry goes when its graph is collected. Callers keep the parsed document of a
 * published version (the HTTP bundle's {@code PublishedGraphs}, the pipeline's stores), so the DSL import,
 * the publish and every run of that version share one check. Node-type leases are not part of it: the planner
 * resolves them at every run start.
 *
 * <p>A private service of the engine bundle, shared by the DSL importer and the workflow engine; thread-safe.
 */
@Component(service = CheckedGraphs.class)
public final class CheckedGraphs {
    private final ConcurrentHashMap<Key, GraphStructure> structures = new ConcurrentHashMap<>();
    private final ReferenceQueue<Graph> collected = new ReferenceQueue<>();

    /** The checked structure of this graph instance, built on first use; see {@link GraphStructure#problems()}. */
    public GraphStructure structure(Graph graph) {
        expunge();
        Key probe = new Key(graph, null);
        GraphStructure known = structures.get(probe);
        if (known != null) {
            return known;
        }
        GraphStructure built = GraphStructure.of(graph);
        GraphStructure raced = structures.putIfAbsent(new Key(graph, collected), built);
        return raced != null ? raced : built;
    }

    /** Graphs currently cached (for tests). */
    public int size() {
        expunge();
        return structures.size();
    }

    private void expunge() {
        for (Object k; (k = collected.poll()) != null; ) {
            structures.remove(k);
        }
    }

    /** A weak reference compared by the identity of its graph. */
    private static final class Key extends WeakReference<Graph> {
        private final int hash;

        Key(Graph graph, ReferenceQueue<Graph> queue) {
            super(graph, queue);
            hash = System.identityHashCode(graph);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            return o instanceof Key k && hash == k.hash && get() != null && get() == k.get();
        }
    }
}
