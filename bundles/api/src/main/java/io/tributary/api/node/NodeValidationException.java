package io.tributary.api.node;

import java.util.List;

/**
 * A node's {@code data} is invalid. Carries every problem found, each a sentence naming the field, so an
 * import can report them all at once.
 */
public class NodeValidationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public NodeValidationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public NodeValidationException(String problem) {
        this(List.of(problem));
    }

    /** Every problem found, in order. */
    public List<String> problems() {
        return problems;
    }
}
