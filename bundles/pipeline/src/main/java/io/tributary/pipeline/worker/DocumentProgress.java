package io.tributary.pipeline.worker;

import java.util.Set;
import java.util.stream.Collectors;

import io.tributary.api.engine.RunListener;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunEvent;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphEdge;
import io.tributary.api.model.GraphNode;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.IndexingStatus;

/**
 * The one place a document's status follows its pipeline run, in Dify's order: {@code parsing} from the start
 * (the worker sets it), {@code splitting} when a node feeding the knowledge-index node starts (the chunker: Dify's
 * cleaning and splitting), {@code indexing} when the knowledge-index node starts. The store stamps
 * {@code parsing/cleaning/splitting_completed_at} as the status moves on. Node starts are published synchronously
 * before the node runs, so the status is written before the stage begins; one small write per stage.
 */
final class DocumentProgress implements RunListener {
    static final String KNOWLEDGE_INDEX = "knowledge-index";

    private final DatasetStore datasets;
    private final String documentId;
    private final Set<String> indexNodes;
    private final Set<String> splitters;
    /** Listener calls are never concurrent: no lock. */
    private IndexingStatus at = IndexingStatus.PARSING;

    DocumentProgress(DatasetStore datasets, String documentId, Graph graph) {
        this.datasets = datasets;
        this.documentId = documentId;
        this.indexNodes = graph.nodes().stream().filter(n -> KNOWLEDGE_INDEX.equals(n.type())).map(GraphNode::id)
                .collect(Collectors.toUnmodifiableSet());
        this.splitters = graph.edges().stream().filter(e -> indexNodes.contains(e.target())).map(GraphEdge::source)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void onEvent(RunEvent event) {
        if (!(event instanceof NodeStarted s) || s.iterationId() != null || s.loopId() != null) {
            return;
        }
        IndexingStatus next = indexNodes.contains(s.nodeId()) ? IndexingStatus.INDEXING
                : splitters.contains(s.nodeId()) ? IndexingStatus.SPLITTING : null;
        if (next != null && next.ordinal() > at.ordinal()) {
            at = next;
            datasets.updateStatus(documentId, next, null);
        }
    }
}
