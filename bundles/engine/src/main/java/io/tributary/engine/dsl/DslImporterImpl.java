package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.model.Problem;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.engine.impl.domain.CheckedGraphs;

/**
 * The {@link DslImporter} service: {@link DslParser} for the document and the graph's structure (checked once
 * per graph, in the {@link CheckedGraphs} the engine shares), {@link NodeTypeChecker} against the registry. Logs counts only, never the document (it may hold secrets).
 */
@Component(service = DslImporter.class)
public final class DslImporterImpl implements DslImporter {
    private static final Logger LOG = LoggerFactory.getLogger(DslImporterImpl.class);

    private final DslParser parser;
    private final NodeTypeChecker nodeTypes;

    @Activate
    public DslImporterImpl(@Reference NodeTypeRegistry registry, @Reference CheckedGraphs graphs) {
        this.parser = new DslParser(graphs);
        this.nodeTypes = new NodeTypeChecker(registry);
    }

    /** For tests and embedding: a cache of checked graphs of its own. */
    public DslImporterImpl(NodeTypeRegistry registry) {
        this(registry, new CheckedGraphs());
    }

    @Override
    public DslDocument parse(String yaml) throws DslImportException {
        return parser.parse(yaml);
    }

    @Override
    public void validate(DslDocument document) throws DslImportException {
        List<Problem> problems = new ArrayList<>();
        parser.check(document, problems);
        problems.addAll(nodeTypes.check(document.graph()));
        if (!problems.isEmpty()) {
            throw new DslImportException(problems);
        }
    }

    @Override
    public DslDocument importDsl(String yaml) throws DslImportException {
        DslParser.Result read = parser.read(yaml);
        List<Problem> problems = new ArrayList<>(read.problems());
        DslDocument doc = read.document();
        if (doc != null) {
            problems.addAll(nodeTypes.check(doc.graph()));
        }
        if (!problems.isEmpty()) {
            LOG.debug("DSL import rejected with {} problem(s)", problems.size());
            throw new DslImportException(problems);
        }
        LOG.info("Imported DSL {} '{}' (version {}): {} nodes, {} edges", doc.kind().dslName(),
                doc.metadata().name(), doc.version(), doc.graph().nodes().size(), doc.graph().edges().size());
        return doc;
    }
}
