package io.tributary.engine.dsl;

import java.util.List;

import io.tributary.api.model.Problem;

/** Problems as their text ({@code node 'id' field: message}), for tests that compare whole lists. */
final class ProblemText {
    private ProblemText() {
    }

    static String of(String field, String message) {
        return Problem.of("any", field, message).toString();
    }

    static String ofNode(String nodeId, String field, String message) {
        return Problem.ofNode("any", nodeId, field, message).toString();
    }

    static List<String> text(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }
}
