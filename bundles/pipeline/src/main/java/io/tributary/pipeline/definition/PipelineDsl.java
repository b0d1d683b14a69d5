package io.tributary.pipeline.definition;

import java.util.ArrayList;
import java.util.List;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.model.Problem;
import io.tributary.api.model.GraphNode;

/**
 * Reads {@code rag_pipeline} DSLs: the engine's importer for structure and installed node types, then Dify's
 * pipeline rules (the kind, exactly one knowledge-index node, its settings). Every problem is reported at once.
 */
public final class PipelineDsl {
    /** Dify's message when the knowledge-index node is missing or repeated. */
    public static final String KNOWLEDGE_INDEX_MESSAGE = "DSL is not valid, please check the Knowledge Index node.";
    static final String KNOWLEDGE_INDEX = "knowledge-index";

    private final DslImporter importer;

    public PipelineDsl(DslImporter importer) {
        this.importer = importer;
    }

    /** Parses and fully checks a document (import, publish, draft runs). */
    public PipelineDefinition check(String yaml) throws DslImportException {
        // importDsl reports structural and node-type problems together; parse alone stops at the first kind
        List<Problem> problems = new ArrayList<>();
        DslDocument doc;
        try {
            doc = importer.importDsl(yaml);
        } catch (DslImportException e) {
            problems.addAll(difyMessages(e.problems()));
            try {
                doc = importer.parse(yaml);
            } catch (DslImportException structural) {
                throw new DslImportException(problems);
            }
        }
        KnowledgeSettings settings = pipelineRules(doc, problems);
        if (!problems.isEmpty()) {
            throw new DslImportException(problems);
        }
        return new PipelineDefinition(doc, settings);
    }

    /**
     * Parses a document that was checked before (a published version): no node-type checks, which the engine
     * repeats when a run starts.
     */
    public PipelineDefinition read(String yaml) throws DslImportException {
        DslDocument doc = importer.parse(yaml);
        List<Problem> problems = new ArrayList<>();
        KnowledgeSettings settings = pipelineRules(doc, problems);
        if (!problems.isEmpty()) {
            throw new DslImportException(problems);
        }
        return new PipelineDefinition(doc, settings);
    }

    private static KnowledgeSettings pipelineRules(DslDocument doc, List<Problem> problems) {
        if (doc.kind() != DslKind.RAG_PIPELINE) {
            problems.add(Problem.of(Problem.DOCUMENT, "kind", "kind must be rag_pipeline, got " + doc.kind().dslName()));
            return null;
        }
        List<GraphNode> indexes = doc.graph().nodes().stream().filter(n -> KNOWLEDGE_INDEX.equals(n.type())).toList();
        if (indexes.size() != 1) {
            if (problems.stream().noneMatch(p -> KNOWLEDGE_INDEX_MESSAGE.equals(p.message()))) {
                problems.add(Problem.of(Problem.PIPELINE, "workflow.graph.nodes", KNOWLEDGE_INDEX_MESSAGE));
            }
            return null;
        }
        return KnowledgeSettings.of(indexes.get(0), problems);
    }

    /** The engine words the knowledge-index count rule its own way; Dify's clients know Dify's sentence. */
    private static List<Problem> difyMessages(List<Problem> problems) {
        return problems.stream().map(p -> p.nodeId() == null && p.message().contains("exactly one knowledge-index")
                ? Problem.of(p.code(), p.field(), KNOWLEDGE_INDEX_MESSAGE) : p).toList();
    }
}
