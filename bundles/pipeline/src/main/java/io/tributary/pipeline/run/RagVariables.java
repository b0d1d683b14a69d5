package io.tributary.pipeline.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.NumberText;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.pipeline.PipelineException;

/**
 * The RAG pipeline variables of one run (dify.md §2.6): the declared fields that belong to the start node or
 * are {@code shared}, valued from {@code inputs} or else their default, grouped by owner for
 * {@code RunRequest.Builder.rag}. Values are coerced leniently as Dify's service API does (a number given as a
 * string, a checkbox given as "true").
 */
public final class RagVariables {
    private RagVariables() {
    }

    /**
     * Owner → values.
     *
     * @throws PipelineException 400 when a required field has neither a value nor a default, or a value has the
     *                           wrong type
     */
    public static Map<String, Map<String, Object>> of(List<RagPipelineVariable> declared, String startNodeId,
                                                      Map<String, Object> inputs) {
        Map<String, Map<String, Object>> byOwner = new LinkedHashMap<>();
        for (RagPipelineVariable v : declared) {
            String owner = v.belongToNodeId();
            if (!RagPipelineVariable.SHARED.equals(owner) && !owner.equals(startNodeId)) {
                continue;
            }
            Object value = inputs.containsKey(v.variable()) ? inputs.get(v.variable()) : v.defaultValue();
            if (isEmpty(value)) {
                if (v.required()) {
                    throw PipelineException.invalid(v.variable() + " is required in input form");
                }
                if (value == null) {
                    continue;
                }
            }
            byOwner.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(v.variable(), coerce(v, value));
        }
        return byOwner;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isEmpty();
    }

    static Object coerce(RagPipelineVariable v, Object value) {
        switch (v.type()) {
            case "number" -> {
                if (value instanceof Number) {
                    return value;
                }
                if (value instanceof String s && NumberText.isNumber(s)) { // bounded before it is parsed
                    double d = Double.parseDouble(s.trim());
                    return d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE ? (Object) (long) d : (Object) d;
                }
                throw PipelineException.invalid(v.variable() + " in input form must be a valid number");
            }
            case "checkbox" -> {
                if (value instanceof Boolean) {
                    return value;
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                throw PipelineException.invalid(v.variable() + " in input form must be a boolean");
            }
            case "select" -> {
                if (!v.options().isEmpty() && !v.options().contains(String.valueOf(value))) {
                    throw PipelineException.invalid(v.variable() + " in input form must be one of the following: "
                            + v.options());
                }
                return value;
            }
            case "text-input", "paragraph" -> {
                if (!(value instanceof String s)) {
                    throw PipelineException.invalid(v.variable() + " in input form must be a string");
                }
                if (v.maxLength() != null && v.maxLength() > 0 && s.length() > v.maxLength()) {
                    throw PipelineException.invalid(v.variable() + " in input form must be less than "
                            + v.maxLength() + " characters");
                }
                return s;
            }
            default -> {
                return value;
            }
        }
    }
}
