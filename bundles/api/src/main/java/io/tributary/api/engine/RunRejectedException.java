package io.tributary.api.engine;

import java.util.List;

import io.tributary.api.model.Problem;

/**
 * A run could not start; nothing ran. Carries every problem found (each names its node when it has one);
 * the message joins them as {@code node 'id': message}, separated by {@code "; "}.
 */
public class RunRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public RunRejectedException(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(RunRejectedException::text).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in graph order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String text(Problem p) {
        return p.nodeId() == null ? p.message() : "node '" + p.nodeId() + "': " + p.message();
    }
}
