package io.tributary.http.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.http.ApiException;

/**
 * The start node's input form ({@code data.variables}): checks a request's {@code inputs} before the run
 * starts, so a bad input is a 400 {@code invalid_param} naming the field, as in Dify, not a failed run.
 */
public final class InputForm {

    /** One form field. */
    public record Field(String variable, String label, String type, boolean required, Long maxLength,
                        List<String> options, Object defaultValue) {
    }

    private final List<Field> fields;

    public InputForm(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The form of the graph's {@code start} node (empty when it has none). */
    public static InputForm of(Graph graph) {
        List<Field> fields = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            if (!"start".equals(n.type()) || !(n.data().get("variables") instanceof List<?> vars)) {
                continue;
            }
            for (Object o : vars) {
                if (o instanceof Map<?, ?> v && v.get("variable") instanceof String name) {
                    fields.add(new Field(name, str(v.get("label"), name), str(v.get("type"), "text-input"),
                            Boolean.TRUE.equals(v.get("required")), number(v.get("max_length")),
                            v.get("options") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
                            v.get("default")));
                }
            }
            break;
        }
        return new InputForm(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    /** The inputs to run with: declared fields checked, undeclared ones passed through as Dify does. */
    public Map<String, Object> validate(Map<String, Object> inputs) {
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        for (Field f : fields) {
            Object v = inputs.get(f.variable());
            if (v == null || (v instanceof String s && s.isEmpty())) {
                if (f.required()) {
                    throw invalid(f.variable() + " is required in input form");
                }
                continue;
            }
            check(f, v);
        }
        return out;
    }

    private static void check(Field f, Object v) {
        String name = f.variable();
        switch (f.type()) {
            case "text-input", "paragraph", "url" -> {
                if (!(v instanceof String s)) {
                    throw invalid(name + " in input form must be a string");
                }
                if (f.maxLength() != null && f.maxLength() > 0 && s.codePointCount(0, s.length()) > f.maxLength()) {
                    throw invalid(name + " in input form must be less than " + f.maxLength() + " characters");
                }
            }
            case "select" -> {
                if (!(v instanceof String s)) {
                    throw invalid(name + " in input form must be a string");
                }
                if (!f.options().isEmpty() && !f.options().contains(s)) {
                    throw invalid(name + " in input form must be one of the following: " + f.options());
                }
            }
            case "number" -> {
                if (!(v instanceof Number) && !(v instanceof String s && isNumber(s))) {
                    throw invalid(name + " in input form must be a valid number");
                }
            }
            case "checkbox" -> {
                if (!(v instanceof Boolean)) {
                    throw invalid(name + " in input form must be a boolean");
                }
            }
            case "file" -> {
                if (!(v instanceof Map)) {
                    throw invalid(name + " in input form must be a file");
                }
            }
            case "file-list" -> {
                if (!(v instanceof List<?> l) || !l.stream().allMatch(Map.class::isInstance)) {
                    throw invalid(name + " in input form must be a list of files");
                }
            }
            case "json", "json_object" -> {
                if (!(v instanceof Map)) {
                    throw invalid(name + " in input form must be an object");
                }
            }
            default -> {
                // other field types are checked by the start node
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_param", message);
    }

    private static String str(Object o, String dflt) {
        return o instanceof String s && !s.isEmpty() ? s : dflt;
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
