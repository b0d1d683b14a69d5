package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.dsl.DslMetadata;
import io.tributary.api.model.Problem;
import io.tributary.api.model.Graph;
import io.tributary.engine.impl.domain.CheckedGraphs;
import io.tributary.engine.impl.domain.GraphStructure;

/**
 * Dify DSL text to {@link DslDocument}, with every problem that needs no installed node types: the document's,
 * the graph's one structural check ({@link GraphStructure}, kept in {@link CheckedGraphs} so that the runs of
 * this very graph do not repeat it) and the {@link DocumentRules}. A plain class, usable without OSGi;
 * thread-safe.
 */
public final class DslParser {
    /** The only app mode that runs here. */
    static final String WORKFLOW_MODE = "workflow";

    /**
     * What {@link #read} found.
     *
     * @param document the document, or {@code null} when it could not be read at all (not YAML, empty, too
     *                 large, unknown kind, no {@code workflow.graph}); when problems exist it may be partial
     * @param problems every problem found, structure first, then the graph checks
     */
    public record Result(DslDocument document, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final CheckedGraphs graphs;

    /** A parser with a cache of checked graphs of its own. */
    public DslParser() {
        this(new CheckedGraphs());
    }

    /** A parser that shares checked graphs with the engine. */
    public DslParser(CheckedGraphs graphs) {
        this.graphs = graphs;
    }

    /** Reads a document and reports every problem, never throwing for bad input. */
    public Result read(String yaml) {
        List<Problem> problems = new ArrayList<>();
        DslDocument doc = document(yaml, problems);
        if (doc != null) {
            check(doc, problems);
        }
        return new Result(doc, problems);
    }

    /** The graph's structural problems, then the document's rules. */
    void check(DslDocument doc, List<Problem> problems) {
        GraphStructure g = graphs.structure(doc.graph());
        problems.addAll(g.problems());
        DocumentRules.check(doc, g, problems);
    }

    /** Reads a document and returns it only if it has no problem. */
    public DslDocument parse(String yaml) throws DslImportException {
        Result r = read(yaml);
        if (!r.problems().isEmpty()) {
            throw new DslImportException(r.problems());
        }
        return r.document();
    }

    private static DslDocument document(String yaml, List<Problem> problems) {
        if (yaml == null || yaml.isBlank()) {
            problems.add(Problem.of(Problem.DOCUMENT, "", "the document is empty"));
            return null;
        }
        Object tree;
        try {
            tree = YamlReader.read(yaml);
        } catch (YamlReader.YamlProblem e) {
            problems.add(Problem.of(Problem.YAML, "", e.getMessage()));
            return null;
        }
        Map<String, Object> root = Values.map(tree);
        if (root == null) {
            problems.add(Problem.of(Problem.DOCUMENT, "", tree == null ? "the document is empty"
                    : "the document must be a YAML mapping with kind, version and workflow"));
            return null;
        }
        DslKind kind = kind(root, problems);
        if (kind == null) {
            return null;
        }
        DslMetadata metadata = metadata(root, kind, problems);
        Map<String, Object> workflow = Values.map(root.get("workflow"));
        if (workflow == null) {
            problems.add(Problem.of(Problem.DOCUMENT, "workflow", "workflow is required"));
            return null;
        }
        Map<String, Object> graphMap = Values.map(workflow.get("graph"));
        if (graphMap == null) {
            problems.add(Problem.of(Problem.DOCUMENT, "workflow.graph", "workflow.graph is required"));
            return null;
        }
        Graph graph = new GraphReader(problems).read(graphMap);
        VariableReader vars = new VariableReader(problems);
        return new DslDocument(kind, Values.nonBlank(root.get("version")), metadata, graph,
                vars.environment(workflow.get("environment_variables")),
                vars.conversation(workflow.get("conversation_variables")),
                vars.ragPipeline(workflow.get("rag_pipeline_variables")),
                mapping(workflow, "features", "workflow.features", problems),
                dependencies(root.get("dependencies"), problems));
    }

    /** {@code kind}; when absent, the metadata block present tells (Dify coerces to {@code app}). */
    private static DslKind kind(Map<String, Object> root, List<Problem> problems) {
        String name = Values.nonBlank(root.get("kind"));
        if (name == null) {
            return root.containsKey(DslKind.RAG_PIPELINE.dslName()) ? DslKind.RAG_PIPELINE : DslKind.APP;
        }
        DslKind kind = DslKind.fromDslName(name);
        if (kind == null) {
            problems.add(Problem.of(Problem.DOCUMENT, "kind", "kind '" + name + "' is not supported; expected app or rag_pipeline"));
        }
        return kind;
    }

    private static DslMetadata metadata(Map<String, Object> root, DslKind kind, List<Problem> problems) {
        String key = kind.dslName();
        Map<String, Object> m = Values.map(root.get(key));
        if (m == null) {
            problems.add(Problem.of(Problem.DOCUMENT, key, key + " is required for kind " + key));
            m = Map.of();
        }
        String mode = null;
        if (kind == DslKind.APP) {
            mode = Values.nonBlank(m.get("mode"));
            if (mode == null) {
                problems.add(Problem.of(Problem.DOCUMENT, "app.mode", "app mode is missing; only workflow is supported"));
            } else if (!WORKFLOW_MODE.equals(mode)) {
                problems.add(Problem.of(Problem.DOCUMENT, "app.mode", "app mode '" + mode + "' is not supported; only workflow"));
            }
        }
        return new DslMetadata(Values.text(m.get("name")), mode, Values.text(m.get("description")),
                Values.text(m.get("icon")), Values.text(m.get("icon_type")), Values.text(m.get("icon_background")),
                Values.text(m.get("icon_url")));
    }

    private static Map<String, Object> mapping(Map<String, Object> parent, String key, String path,
                                               List<Problem> problems) {
        Object v = parent.get(key);
        Map<String, Object> m = Values.map(v);
        if (m == null && v != null) {
            problems.add(Problem.of(Problem.DOCUMENT, path, key + " must be a mapping"));
        }
        return m;
    }

    private static List<Map<String, Object>> dependencies(Object value, List<Problem> problems) {
        List<Object> list = Values.list(value);
        if (list == null) {
            if (value != null) {
                problems.add(Problem.of(Problem.DOCUMENT, "dependencies", "dependencies must be a list"));
            }
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> m = Values.map(list.get(i));
            if (m == null) {
                problems.add(Problem.of(Problem.DOCUMENT, "dependencies[" + i + "]", "a dependency must be a mapping"));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
