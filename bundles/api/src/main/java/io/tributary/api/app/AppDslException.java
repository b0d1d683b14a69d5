package io.tributary.api.app;

import java.util.List;

import io.tributary.api.model.Problem;
import io.tributary.api.error.ServiceException;

/**
 * {@code invalid_dsl}: a DSL that cannot be imported or published. Carries every problem found (each naming its
 * node and field when it has one); the message counts and joins them, as the admin API shows it.
 */
public class AppDslException extends ServiceException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** A DSL with these problems. */
    public AppDslException(List<Problem> problems) {
        super(Reason.INVALID, "invalid_dsl", "The DSL has " + problems.size()
                + (problems.size() == 1 ? " problem: " : " problems: ")
                + String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in document order; never empty. */
    public List<Problem> problems() {
        return problems;
    }
}
