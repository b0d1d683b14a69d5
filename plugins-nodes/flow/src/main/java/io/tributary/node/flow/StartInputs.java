package io.tributary.node.flow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.node.NodeExecutionException;

/**
 * Checks and normalizes the inputs a run was started with against the {@code start} node's declared
 * variables, as Dify's input form does: required, type, {@code max_length}, {@code options}. Numbers given as
 * text become numbers; a missing optional input gets its {@code default} or {@code null}.
 */
final class StartInputs {

    /** One declared input variable. */
    record Declaration(String name, String type, boolean required, Long maxLength, List<String> options, Object dflt) {
    }

    private final String nodeId;
    private final List<Declaration> declarations;

    StartInputs(String nodeId, List<Declaration> declarations) {
        this.nodeId = nodeId;
        this.declarations = declarations;
    }

    /**
     * The validated values of every declared variable, in declaration order.
     *
     * @throws NodeExecutionException naming the first invalid field
     */
    Map<String, Object> apply(Map<String, Object> inputs) throws NodeExecutionException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Declaration d : declarations) {
            Object v = inputs.get(d.name());
            if (v == null || (v instanceof String s && s.isEmpty() && !"json".equals(d.type()))) {
                if (d.required()) {
                    throw fail(d, d.name() + " is required in input form");
                }
                out.put(d.name(), v == null ? d.dflt() : v);
                continue;
            }
            out.put(d.name(), check(d, v));
        }
        return out;
    }

    private Object check(Declaration d, Object v) throws NodeExecutionException {
        String type = d.type() == null ? "text-input" : d.type();
        switch (type) {
            case "text-input", "paragraph", "url" -> {
                if (!(v instanceof String s)) {
                    throw fail(d, d.name() + " in input form must be a string");
                }
                if (d.maxLength() != null && d.maxLength() > 0 && s.codePointCount(0, s.length()) > d.maxLength()) {
                    throw fail(d, d.name() + " in input form must be less than " + d.maxLength() + " characters");
                }
                return s;
            }
            case "select" -> {
                if (!(v instanceof String s)) {
                    throw fail(d, d.name() + " in input form must be a string");
                }
                if (d.options() != null && !d.options().isEmpty() && !d.options().contains(s)) {
                    throw fail(d, d.name() + " in input form must be one of the following: " + d.options());
                }
                return s;
            }
            case "number" -> {
                BigDecimal n = v instanceof Boolean ? null : Values.toDecimal(v);
                if (n == null) {
                    throw fail(d, d.name() + " in input form must be a valid number");
                }
                return Values.toJsonNumber(n);
            }
            case "checkbox" -> {
                Object b = v instanceof String s ? Operators.parseBoolean(s) : v;
                if (!(b instanceof Boolean)) {
                    throw fail(d, d.name() + " in input form must be a boolean");
                }
                return b;
            }
            case "file" -> {
                if (!(v instanceof Map)) {
                    throw fail(d, d.name() + " in input form must be a file");
                }
                return v;
            }
            case "file-list" -> {
                if (!(v instanceof List<?> l) || !l.stream().allMatch(Map.class::isInstance)) {
                    throw fail(d, d.name() + " in input form must be a list of files");
                }
                if (d.maxLength() != null && d.maxLength() > 0 && l.size() > d.maxLength()) {
                    throw fail(d, d.name() + " in input form must have at most " + d.maxLength() + " files");
                }
                return v;
            }
            case "json", "json_object" -> {
                if (!(v instanceof Map)) {
                    throw fail(d, "JSON object for '" + d.name() + "' must be an object");
                }
                return v;
            }
            default -> {
                return v;
            }
        }
    }

    private NodeExecutionException fail(Declaration d, String message) {
        return new NodeExecutionException("node '" + nodeId + "': input '" + d.name() + "': " + message,
                "InvalidInputError", null);
    }
}
