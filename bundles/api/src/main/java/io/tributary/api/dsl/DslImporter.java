package io.tributary.api.dsl;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads Dify DSL exports. Provided by the engine bundle as an OSGi service; thread-safe and stateless.
 *
 * <p>Three steps, each reporting every problem it finds:
 * <ol>
 * <li>{@link #parse}: YAML and document structure, plus the checks that need nothing installed (graph shape,
 *     duplicate ids, dangling edges, cycles, root node).</li>
 * <li>{@link #validate}: the checks against the installed node types, repeated whenever the installed set may
 *     have changed (at publish, before a run).</li>
 * <li>{@link #importDsl}: both at once, the usual entry point; its exception carries the problems of both
 *     steps together.</li>
 * </ol>
 */
@ProviderType
public interface DslImporter {

    /** Largest accepted document: 10 MiB of UTF-8, as Dify's import. */
    int MAX_SIZE = 10 * 1024 * 1024;

    /**
     * Longest accepted YAML scalar (a string value or key), in characters: 1 Mi. Real exports hold code,
     * prompts and templates of some kilobytes; a longer scalar is refused with a problem naming this limit.
     */
    int MAX_SCALAR_LENGTH = 1024 * 1024;

    /**
     * Parses a DSL document and checks what needs no installed node types.
     *
     * @param yaml the whole document
     * @return the document; its graph is well-formed (ids unique, edges between existing nodes, no cycles
     *         outside containers, a root node)
     * @throws DslImportException with every problem found
     */
    DslDocument parse(String yaml) throws DslImportException;

    /**
     * Checks a document against the installed node types: every node's (type, tool, version) must resolve,
     * and the resolved {@link io.tributary.api.node.NodeType#validate} must accept the node. Also repeats the
     * graph checks of {@link #parse}, so it is complete for a document built by hand.
     *
     * @throws DslImportException with every problem found
     */
    void validate(DslDocument document) throws DslImportException;

    /**
     * {@link #parse} then {@link #validate}, reporting the problems of both in one exception.
     *
     * @throws DslImportException with every problem found
     */
    DslDocument importDsl(String yaml) throws DslImportException;
}
