package io.tributary.node.flow;

/**
 * What {@link StartInputs} still calls by this name; the comparison operators themselves live in
 * {@link io.tributary.node.flow.branch.Operators}. Goes when the start form moves to its one home (issue 9).
 */
final class Operators {
    private Operators() {
    }

    /** @see Values#parseBoolean(String) */
    static Object parseBoolean(String s) {
        return Values.parseBoolean(s);
    }
}
