package io.tributary.node.flow.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.api.node.NodeData;

import io.tributary.node.flow.DataFields;
import io.tributary.node.flow.Values;

/**
 * One of a loop's {@code loop_variables}: {@code label} (read as {@code [loop_id, label]}), {@code var_type},
 * and its initial value: {@code value_type: constant} with the value in {@code value} (as Dify: text is
 * parsed as JSON when the type needs it; an empty array constant is {@code []}), or {@code value_type:
 * variable} with a selector in {@code value}.
 *
 * @param constant the checked constant, or {@code null} when {@code selector} is set
 * @param selector the variable to start from, or {@code null} for a constant
 */
record LoopVariable(String label, String varType, Object constant, List<String> selector) {
    static final Set<String> TYPES = Set.of("string", "number", "object", "boolean", "array[string]",
            "array[number]", "array[object]", "array[boolean]");
    /** A name that templates can reference (Dify's variable name rule). */
    static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,29}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code loop_variables}, adding a problem for every invalid field. */
    static List<LoopVariable> parseAll(Map<String, Object> data, List<String> problems) {
        List<LoopVariable> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        List<Map<String, Object>> raw = DataFields.objects(data, "loop_variables", problems);
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> v = raw.get(i);
            String p = "loop_variables[" + i + "]";
            String label = DataFields.string(v, "label");
            if (label == null || !NAME.matcher(label).matches()) {
                problems.add(p + ".label must be a variable name (letters, digits, _; at most 30)");
            } else if (!labels.add(label)) {
                problems.add(p + ".label '" + label + "' is used twice");
            } else if (label.equals(LoopNodeType.ROUND) || label.equals(LoopNodeType.END_FLAG)) {
                problems.add(p + ".label '" + label + "' is reserved");
            }
            String type = DataFields.string(v, "var_type");
            if (type == null || !TYPES.contains(type)) {
                problems.add(p + ".var_type must be one of " + new java.util.TreeSet<>(TYPES));
                type = null;
            }
            String valueType = DataFields.string(v, "value_type");
            if ("variable".equals(valueType)) {
                List<String> selector = NodeData.selectorOf(v.get("value"));
                if (selector == null) {
                    problems.add(p + ".value must be a variable selector (a list of at least two strings)");
                }
                out.add(new LoopVariable(label, type, null, selector));
            } else if ("constant".equals(valueType)) {
                Object value = type == null ? null : constant(type, v.get("value"), p + ".value", problems);
                out.add(new LoopVariable(label, type, value, null));
            } else {
                problems.add(p + ".value_type must be 'constant' or 'variable'");
            }
        }
        return out;
    }

    /** The constant as a value of {@code type}, or a problem. */
    static Object constant(String type, Object value, String path, List<String> problems) {
        if (type.startsWith("array[") && (value == null || "".equals(value))) {
            return List.of();
        }
        if (matches(type, value)) {
            return value;
        }
        if (value instanceof String s && !type.equals("string")) {
            try {
                Object parsed = JSON.readValue(s, Object.class);
                if (matches(type, parsed)) {
                    return parsed;
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
        }
        problems.add(path + " is not a " + type + " (" + Values.typeName(value) + ")");
        return null;
    }

    private static boolean matches(String type, Object v) {
        return switch (type) {
            case "string" -> v instanceof String;
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "object" -> v instanceof Map;
            default -> v instanceof List<?> l && l.stream().allMatch(e -> matches(type.substring(6, type.length() - 1), e));
        };
    }
}
