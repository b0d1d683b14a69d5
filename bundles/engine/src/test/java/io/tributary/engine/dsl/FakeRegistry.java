package io.tributary.engine.dsl;

import java.util.List;

import io.tributary.api.model.GraphNode;
import io.tributary.api.model.NodeTypeInfo;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.engine.testing.InMemoryNodeTypeRegistry;

/** The DSL tests' registry: node types that accept every node, one test bundle per type. */
final class FakeRegistry extends InMemoryNodeTypeRegistry {
    /** Accepts every node. */
    static final NodeType ACCEPT_ALL = new NodeType() {
        @Override
        public NodeExecutor create(GraphNode node) {
            throw new UnsupportedOperationException("not run in these tests");
        }
    };

    FakeRegistry install(String type, String version) {
        return install(type, null, version, ACCEPT_ALL);
    }

    FakeRegistry install(String type, String tool, String version, NodeType nodeType) {
        add(new NodeTypeInfo(type, tool, version, 1, "test." + type, version), nodeType);
        return this;
    }

    FakeRegistry uninstall(String type) {
        remove(type);
        return this;
    }

    /** Every flow node type of the workflow fixture, at 1.0.0 (assigner also at 2.0.0), and its tool. */
    static FakeRegistry flowTypes() {
        FakeRegistry r = new FakeRegistry();
        for (String t : List.of("start", "end", "answer", "if-else", "variable-aggregator", "template-transform",
                "list-operator", "assigner", "iteration", "iteration-start", "loop", "loop-start", "loop-end",
                "http-request", "code", "llm")) {
            r.install(t, "1.0.0");
        }
        r.install("assigner", "2.0.0");
        r.install("tool", "langgenius/time/time/current_time", "1.0.0", ACCEPT_ALL);
        return r;
    }

    /** Every node type of the pipeline fixture. */
    static FakeRegistry pipelineTypes() {
        FakeRegistry r = new FakeRegistry();
        for (String t : List.of("datasource", "document-extractor", "variable-aggregator", "knowledge-index")) {
            r.install(t, "1.0.0");
        }
        r.install("tool", "langgenius/general_chunker/general_chunker/general_chunker", "0.0.7", ACCEPT_ALL);
        return r;
    }
}
