package io.tributary.engine.dsl;

import java.util.List;
import java.util.Set;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.Problem;
import io.tributary.engine.impl.domain.GraphStructure;

/**
 * What a Dify document needs beyond a well-formed graph (that is {@link GraphStructure}'s one check, shared
 * with the run start): a node that may start a run at the top level, and for a {@code rag_pipeline} exactly
 * one knowledge-index node and pipeline variables that belong to datasource nodes ({@code shared}, or a node
 * that is not in the graph at all: those import, as in Dify, and the pipeline service warns about them).
 */
final class DocumentRules {
    /** Node types that may start a run (Dify's {@code _START_NODE_TYPES}). */
    static final Set<String> ROOT_TYPES = Set.of("start", "datasource", "trigger-webhook", "trigger-schedule",
            "trigger-plugin");
    static final String KNOWLEDGE_INDEX = "knowledge-index";
    static final String DATASOURCE = "datasource";
    private static final String NODES = "workflow.graph.nodes";

    private DocumentRules() {
    }

    /** The document's problems, after the structure's: root, then pipeline rules. */
    static void check(DslDocument doc, GraphStructure g, List<Problem> problems) {
        boolean root = false;
        for (int i = 0; i < g.size() && !root; i++) {
            root = g.container(i) == GraphStructure.TOP && ROOT_TYPES.contains(g.node(i).type());
        }
        if (!root && g.size() > 0) {
            problems.add(Problem.of(Problem.ROOT, NODES,
                    "no root node: the graph needs a start, datasource or trigger node"));
        }
        if (doc.kind() == DslKind.RAG_PIPELINE) {
            pipeline(doc, g, problems);
        }
    }

    private static void pipeline(DslDocument doc, GraphStructure g, List<Problem> problems) {
        long indexes = doc.graph().nodes().stream().filter(n -> KNOWLEDGE_INDEX.equals(n.type())).count();
        if (indexes != 1) {
            problems.add(Problem.of(Problem.PIPELINE, NODES, "a rag_pipeline needs exactly one knowledge-index node, "
                    + "found " + indexes));
        }
        List<RagPipelineVariable> vars = doc.ragPipelineVariables();
        for (int i = 0; i < vars.size(); i++) {
            String owner = vars.get(i).belongToNodeId();
            Integer at = owner == null ? null : g.indexOf(owner);
            GraphNode n = at == null ? null : g.node(at);
            // a variable of a node that is not in the graph is Dify's (three built-in templates carry some): it
            // imports, and the pipeline service drops it with a warning
            if (n != null && !DATASOURCE.equals(n.type())) {
                problems.add(Problem.of(Problem.PIPELINE, "workflow.rag_pipeline_variables[" + i + "].belong_to_node_id",
                        "'" + owner + "' is neither 'shared' nor a datasource node"));
            }
        }
    }
}
