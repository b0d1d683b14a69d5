package io.tributary.api.dsl;

import java.util.List;

import io.tributary.api.model.Problem;

/**
 * A DSL document cannot be imported. Carries every problem found, never an empty list, in the order found:
 * the document's structure first, then the graph checks, then the installed node types. The message lists
 * them all, one per line.
 */
public class DslImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    public DslImportException(List<Problem> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DslImportException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("DSL import failed with ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) {
            sb.append("\n- ").append(p);
        }
        return sb.toString();
    }
}
