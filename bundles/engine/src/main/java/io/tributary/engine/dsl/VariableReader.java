package io.tributary.engine.dsl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.dsl.ConversationVariable;
import io.tributary.api.model.Problem;
import io.tributary.api.dsl.EnvironmentVariable;
import io.tributary.api.dsl.RagPipelineVariable;
import io.tributary.api.dsl.Secret;

/**
 * The variable lists under {@code workflow}. Problem messages never quote a value: it may be a secret.
 */
final class VariableReader {
    private static final Set<String> ENV_TYPES = Set.of(EnvironmentVariable.STRING, EnvironmentVariable.NUMBER,
            EnvironmentVariable.SECRET);

    private final List<Problem> problems;

    VariableReader(List<Problem> problems) {
        this.problems = problems;
    }

    List<EnvironmentVariable> environment(Object value) {
        String base = "workflow.environment_variables";
        List<EnvironmentVariable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> items = items(value, base);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> v = items.get(i);
            if (v == null) {
                continue;
            }
            String path = base + "[" + i + "]";
            String name = name(v, path, names, "environment variable");
            String type = Values.text(v.get("value_type"));
            if (type == null || !ENV_TYPES.contains(type)) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".value_type", type == null ? "value_type is required"
                        : "value_type '" + type + "' is not one of string, number, secret"));
                continue;
            }
            Object val = v.get("value");
            switch (type) {
                case EnvironmentVariable.SECRET -> val = Secret.of(val == null ? "" : String.valueOf(val));
                case EnvironmentVariable.NUMBER -> {
                    val = number(val);
                    if (val == INVALID) {
                        problems.add(Problem.of(Problem.DOCUMENT, path + ".value", "the value of a number variable is not a number"));
                        continue;
                    }
                }
                default -> val = val == null ? "" : String.valueOf(val);
            }
            if (name != null) {
                out.add(new EnvironmentVariable(Values.text(v.get("id")), name, type, val,
                        Values.text(v.get("description"))));
            }
        }
        return out;
    }

    List<ConversationVariable> conversation(Object value) {
        String base = "workflow.conversation_variables";
        List<ConversationVariable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> items = items(value, base);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> v = items.get(i);
            if (v == null) {
                continue;
            }
            String name = name(v, base + "[" + i + "]", names, "conversation variable");
            if (name != null) {
                out.add(new ConversationVariable(Values.text(v.get("id")), name, Values.text(v.get("value_type")),
                        v.get("value"), Values.text(v.get("description"))));
            }
        }
        return out;
    }

    List<RagPipelineVariable> ragPipeline(Object value) {
        String base = "workflow.rag_pipeline_variables";
        List<RagPipelineVariable> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> items = items(value, base);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> v = items.get(i);
            if (v == null) {
                continue;
            }
            String path = base + "[" + i + "]";
            String owner = Values.nonBlank(v.get("belong_to_node_id"));
            String variable = Values.nonBlank(v.get("variable"));
            if (owner == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".belong_to_node_id", "belong_to_node_id is required"));
            }
            if (variable == null) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".variable", "variable is required"));
            }
            if (owner == null || variable == null) {
                continue;
            }
            if (!seen.add(owner + "\u0000" + variable)) {
                problems.add(Problem.of(Problem.DOCUMENT, path + ".variable", "variable '" + variable + "' of '" + owner
                        + "' is declared twice"));
                continue;
            }
            out.add(new RagPipelineVariable(owner, variable, Values.text(v.get("label")),
                    Values.text(v.get("type")), Values.bool(v.get("required")), v.get("default_value"),
                    Values.strings(v.get("options")), Values.integer(v.get("max_length")),
                    Values.text(v.get("placeholder")), Values.text(v.get("tooltips")),
                    Values.text(v.get("description")), Values.text(v.get("unit")),
                    Values.strings(v.get("allowed_file_types")),
                    Values.strings(either(v, "allowed_file_extensions", "allow_file_extension")),
                    Values.strings(either(v, "allowed_file_upload_methods", "allow_file_upload_methods"))));
        }
        return out;
    }

    /** The list's entries; a null entry where an item is not a mapping (reported). */
    private List<Map<String, Object>> items(Object value, String base) {
        if (value == null) {
            return List.of();
        }
        List<Object> list = Values.list(value);
        if (list == null) {
            problems.add(Problem.of(Problem.DOCUMENT, base, "must be a list"));
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> m = Values.map(list.get(i));
            if (m == null) {
                problems.add(Problem.of(Problem.DOCUMENT, base + "[" + i + "]", "must be a mapping"));
            }
            out.add(m);
        }
        return out;
    }

    private String name(Map<String, Object> v, String path, Set<String> names, String what) {
        String name = Values.nonBlank(v.get("name"));
        if (name == null) {
            problems.add(Problem.of(Problem.DOCUMENT, path + ".name", "name is required"));
            return null;
        }
        if (!names.add(name)) {
            problems.add(Problem.of(Problem.DOCUMENT, path + ".name", what + " '" + name + "' is declared twice"));
            return null;
        }
        return name;
    }

    private static Object either(Map<String, Object> v, String key, String alias) {
        Object o = v.get(key);
        return o != null ? o : v.get(alias);
    }

    private static final Object INVALID = new Object();

    /** A number variable's value: a number, a numeric string (as a number), or null when absent/empty. */
    private static Object number(Object val) {
        if (val == null || val instanceof Number) {
            return val;
        }
        String s = Values.text(val);
        if (s == null || s.isBlank()) {
            return s == null ? INVALID : null;
        }
        try {
            BigDecimal d = new BigDecimal(s.trim());
            try {
                return d.longValueExact();
            } catch (ArithmeticException notIntegral) {
                return d.doubleValue();
            }
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }
}
