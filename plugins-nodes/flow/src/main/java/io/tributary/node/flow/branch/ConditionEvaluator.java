package io.tributary.node.flow.branch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.Variables;

import io.tributary.node.flow.Values;

/**
 * Evaluates a group of {@link Condition}s joined by {@code and}/{@code or}, short-circuiting as Dify does.
 * A variable that does not exist is an error, except for the operators that test presence or emptiness.
 * Arrays of files are tested with {@code sub_variable_condition} on file attributes.
 */
public final class ConditionEvaluator {
    private static final Set<String> FILE_OPERATORS = Set.of("contains", "not contains", "all of");

    /** The outcome: each evaluated condition's result, the group's result, and what was compared. */
    public record Outcome(List<Boolean> results, boolean result, List<Map<String, Object>> inputs) {
    }

    private final Variables variables;

    public ConditionEvaluator(Variables variables) {
        this.variables = variables;
    }

    public Outcome evaluate(List<Condition> conditions, boolean and) throws NodeExecutionException {
        List<Boolean> results = new ArrayList<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Condition c : conditions) {
            boolean r = evaluate(c, inputs);
            results.add(r);
            if (and != r) {
                return new Outcome(results, r, inputs);
            }
        }
        return new Outcome(results, and, inputs);
    }

    private boolean evaluate(Condition c, List<Map<String, Object>> inputs) throws NodeExecutionException {
        String where = "condition on " + String.join(".", c.selector());
        if (!variables.contains(c.selector()) && !Operators.UNARY.contains(c.operator())) {
            throw new NodeExecutionException(where + ": variable {{#" + String.join(".", c.selector())
                    + "#}} not found", "VariableNotFoundError", null);
        }
        Object actual = variables.get(c.selector());
        try {
            if (FILE_OPERATORS.contains(c.operator()) && isFileArray(c, actual)) {
                if (c.sub() == null || c.sub().conditions().isEmpty()) {
                    throw new IllegalArgumentException("operator '" + c.operator()
                            + "' on an array of files needs sub_variable_condition");
                }
                // "not contains": no file matches the sub-conditions (Dify ignores the outer operator here).
                boolean any = fileConditions((List<?>) actual, c.sub());
                return c.operator().equals("not contains") ? !any : any;
            }
            if (Operators.UNARY.contains(c.operator())) {
                return Operators.apply(c.operator(), actual, null);
            }
            Object expected = expected(c.value(), actual);
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("actual_value", actual);
            in.put("expected_value", expected);
            in.put("comparison_operator", c.operator());
            inputs.add(in);
            return Operators.apply(c.operator(), actual, expected);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(where + ": " + e.getMessage(), "ConditionTypeError", null);
        }
    }

    private static boolean isFileArray(Condition c, Object actual) {
        if ("array[file]".equals(c.varType())) {
            return true;
        }
        return actual instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Values::isFile) && c.sub() != null;
    }

    /** Text values are templates; for boolean variables "true"/"false"/"1"/"0" become booleans. */
    private Object expected(Object raw, Object actual) {
        Object v = raw instanceof String s ? variables.render(s) : raw;
        boolean boolVar = actual instanceof Boolean
                || (actual instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Boolean.class::isInstance));
        if (boolVar) {
            if (v instanceof String s) {
                return Values.parseBoolean(s);
            }
            if (v instanceof List<?> l) {
                return l.stream().map(o -> o instanceof String s ? Values.parseBoolean(s) : o).toList();
            }
        }
        return v;
    }

    /** Each sub-condition holds for any file ("not" operators: for every file); combined by and/or. */
    private boolean fileConditions(List<?> files, Condition.SubConditions sub) {
        boolean combined = sub.and();
        for (Condition.SubCondition sc : sub.conditions()) {
            Object expected = sc.value() instanceof String s ? variables.render(s) : sc.value();
            boolean negative = sc.operator().contains("not");
            if ("extension".equals(sc.key()) && expected instanceof String s && !s.isEmpty() && !s.startsWith(".")) {
                expected = "." + s;
            }
            boolean r = negative;
            for (Object f : files) {
                Object attr = Values.fileAttribute(f, sc.key());
                if ("extension".equals(sc.key()) && attr instanceof String s && !s.isEmpty() && !s.startsWith(".")) {
                    attr = "." + s;
                }
                boolean one = Operators.UNARY.contains(sc.operator()) ? Operators.apply(sc.operator(), attr, null)
                        : Operators.apply(sc.operator(), attr, expected);
                if (negative && !one) {
                    r = false;
                    break;
                }
                if (!negative && one) {
                    r = true;
                    break;
                }
            }
            if (sub.and() && !r) {
                return false;
            }
            if (!sub.and() && r) {
                return true;
            }
        }
        return combined;
    }
}
