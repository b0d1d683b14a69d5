package io.tributary.api.engine;

import java.util.List;

/**
 * A run could not start; nothing ran. Carries every problem found (each names its node when it has one);
 * the message joins them.
 */
public class RunRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<GraphProblem> problems;

    public RunRejectedException(List<GraphProblem> problems) {
        super(String.join("; ", problems.stream().map(GraphProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in graph order. */
    public List<GraphProblem> problems() {
        return problems;
    }
}
