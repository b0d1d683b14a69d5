package io.tributary.node.knowledge.index;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.store.DatasetStore;

/**
 * {@code knowledge-index}: the end of a knowledge pipeline. Writes a document's chunks through the
 * {@link KnowledgeBase} (published runs) or previews them (debugger runs); see {@link KnowledgeIndexExecutor}.
 * The knowledge base and dataset store are optional dynamic references, so pipelines import and preview even while
 * those bundles restart; a production run without them fails with a clear message.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "knowledge-index", version = "1.0.0")
public final class KnowledgeIndexNodeType implements NodeType {
    private volatile KnowledgeBase knowledge;
    private volatile DatasetStore datasets;

    /** For DS: references are bound after construction. */
    public KnowledgeIndexNodeType() {
    }

    /** For tests: explicit services (either may be {@code null}). */
    public KnowledgeIndexNodeType(KnowledgeBase knowledge, DatasetStore datasets) {
        this.knowledge = knowledge;
        this.datasets = datasets;
    }

    @Override
    public ExecutionType executionType() {
        return ExecutionType.RESPONSE;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        IndexSpec.parse(node);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        return new KnowledgeIndexExecutor(IndexSpec.parse(node), () -> knowledge, () -> datasets);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetKnowledge")
    void setKnowledge(KnowledgeBase service) {
        knowledge = service;
    }

    void unsetKnowledge(KnowledgeBase service) {
        if (knowledge == service) {
            knowledge = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetDatasets")
    void setDatasets(DatasetStore service) {
        datasets = service;
    }

    void unsetDatasets(DatasetStore service) {
        if (datasets == service) {
            datasets = null;
        }
    }
}
