package io.tributary.pipeline.definition;

import java.util.ArrayList;
import java.util.List;

import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.dsl.RagPipelineVariable;

/**
 * What a pipeline import accepts although it is not right, as Dify does, each with a warning for the import answer:
 * pipeline variables whose {@code belong_to_node_id} names no node of the graph (three of Dify's built-in templates
 * carry some; no run asks for them, so they are dropped), and datasource nodes whose provider is not installed
 * (their runs fail with {@code datasource provider X is not installed} until it is).
 */
public final class ImportWarnings {
    private ImportWarnings() {
    }

    /** The warnings for a checked pipeline, in document order: variables first, then datasource nodes. */
    public static List<String> of(PipelineDefinition p, DatasourceRegistry providers) {
        List<String> out = new ArrayList<>();
        List<RagPipelineVariable> vars = p.document().ragPipelineVariables();
        for (int i = 0; i < vars.size(); i++) {
            RagPipelineVariable v = vars.get(i);
            String owner = v.belongToNodeId();
            if (owner != null && !RagPipelineVariable.SHARED.equals(owner) && p.graph().node(owner).isEmpty()) {
                out.add("rag_pipeline_variables[" + i + "] '" + v.variable() + "' belongs to node '" + owner
                        + "', which is not in the graph: it is dropped");
            }
        }
        for (DatasourceNode d : DatasourceNode.all(p.graph())) {
            DatasourceType type = DatasourceType.fromWire(d.providerType());
            if (type != null && providers.find(d.key(type)).isEmpty()) {
                out.add("node '" + d.id() + "': " + d.key(type).notInstalled()
                        + "; the pipeline is imported and its runs fail until the provider is installed");
            }
        }
        return out;
    }
}
