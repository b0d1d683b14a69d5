package io.tributary.node.flow.branch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.node.NodeData;

import io.tributary.node.flow.DataFields;

/**
 * One condition of an {@code if-else} case: {@code variable_selector}, {@code comparison_operator},
 * {@code value} (text with {@code {{#…#}}} references, a list, or a boolean), optional {@code varType} and,
 * for arrays of files, {@code sub_variable_condition{logical_operator, conditions[{key, comparison_operator,
 * value}]}}.
 */
public record Condition(List<String> selector, String operator, Object value, String varType, SubConditions sub) {

    /** Conditions on file attributes, applied to every file of an array. */
    public record SubConditions(boolean and, List<SubCondition> conditions) {
    }

    /** One file-attribute condition. */
    public record SubCondition(String key, String operator, Object value) {
    }

    public static final List<String> FILE_KEYS = List.of("name", "type", "size", "extension", "mime_type",
            "transfer_method", "url", "related_id");

    /** Parses {@code conditions[i]} at {@code path}, adding problems for every invalid field. */
    public static List<Condition> parseAll(List<Map<String, Object>> list, String path, List<String> problems) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(parse(list.get(i), path + "[" + i + "]", problems));
        }
        return out;
    }

    static Condition parse(Map<String, Object> c, String path, List<String> problems) {
        List<String> selector = NodeData.selectorOf(c.get("variable_selector"));
        if (selector == null) {
            problems.add(path + ".variable_selector must be a list of at least two strings");
        }
        String op = DataFields.string(c, "comparison_operator");
        if (op == null || !Operators.ALL.contains(op)) {
            problems.add(path + ".comparison_operator " + (op == null ? "is required" : "'" + op + "' is not one of "
                    + new java.util.TreeSet<>(Operators.ALL)));
        }
        Object value = c.get("value");
        if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number
                || value instanceof List)) {
            problems.add(path + ".value must be text, a number, a boolean or a list");
        }
        SubConditions sub = null;
        if (c.get("sub_variable_condition") instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) c.get("sub_variable_condition");
            String logical = logical(s, path + ".sub_variable_condition", problems);
            List<SubCondition> subs = new ArrayList<>();
            List<Map<String, Object>> raw = DataFields.objects(s, "conditions", path + ".sub_variable_condition.conditions", problems);
            for (int i = 0; i < raw.size(); i++) {
                String p = path + ".sub_variable_condition.conditions[" + i + "]";
                String key = DataFields.string(raw.get(i), "key");
                String subOp = DataFields.string(raw.get(i), "comparison_operator");
                if (key == null || !FILE_KEYS.contains(key)) {
                    problems.add(p + ".key must be one of " + FILE_KEYS);
                }
                if (subOp == null || !Operators.ALL.contains(subOp)) {
                    problems.add(p + ".comparison_operator " + (subOp == null ? "is required" : "'" + subOp + "' is not supported"));
                }
                subs.add(new SubCondition(key, subOp, raw.get(i).get("value")));
            }
            sub = new SubConditions("and".equals(logical), subs);
        }
        return new Condition(selector, op, value, DataFields.string(c, "varType"), sub);
    }

    /** Reads {@code logical_operator} ({@code and} when absent). */
    public static String logical(Map<String, Object> m, String path, List<String> problems) {
        Object v = m.get("logical_operator");
        if (v == null) {
            return "and";
        }
        if (!"and".equals(v) && !"or".equals(v)) {
            problems.add((path.isEmpty() ? "" : path + ".") + "logical_operator must be 'and' or 'or'");
            return "and";
        }
        return (String) v;
    }
}
