package io.tributary.node.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.app.StartForm;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

/**
 * {@code start}: declares the run's input variables ({@code data.variables[{variable, type, required,
 * max_length, options, default}]}) and outputs the values the run was started with, each under its variable
 * name, after checking them by the API's one input-form rule ({@link StartForm}, through {@link StartInputs}). A variable that was not given gets its {@code default}, or
 * {@code null}.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "start", version = "1.0.0")
public final class StartNodeType implements NodeType {
    static final Set<String> INPUT_TYPES = Set.of("text-input", "paragraph", "select", "number", "checkbox", "file",
            "file-list", "json", "json_object", "url");

    @Override
    public ExecutionType executionType() {
        return ExecutionType.ROOT;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        declarations(node);
    }

    static List<StartForm.Field> declarations(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> vars = DataFields.objects(node.data(), "variables", problems);
        Set<String> seen = new HashSet<>();
        List<StartForm.Field> out = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Map<String, Object> v = vars.get(i);
            String p = "variables[" + i + "]";
            String name = DataFields.string(v, "variable");
            String type = DataFields.string(v, "type");
            if (name == null || name.isBlank()) {
                problems.add(p + ".variable is required");
            } else if (!seen.add(name)) {
                problems.add(p + ".variable '" + name + "' is declared twice");
            }
            if (type != null && !INPUT_TYPES.contains(type)) {
                problems.add(p + ".type '" + type + "' is not one of " + new java.util.TreeSet<>(INPUT_TYPES));
            } else if (type == null && v.get("type") != null) {
                problems.add(p + ".type must be text");
            }
            boolean required = DataFields.bool(v, "required", false, p + ".required", problems);
            Long maxLength = DataFields.integer(v, "max_length", null, p + ".max_length", problems);
            if (maxLength != null && maxLength < 0) {
                problems.add(p + ".max_length must not be negative");
            }
            List<String> options = options(v, p, problems);
            Object dflt = v.containsKey("default") ? v.get("default") : v.get("default_value");
            if ("select".equals(type) && dflt instanceof String s && !s.isEmpty() && options != null
                    && !options.isEmpty() && !options.contains(s)) {
                problems.add(p + ".default '" + s + "' is not one of its options " + options);
            }
            out.add(new StartForm.Field(name, DataFields.string(v, "label"), type, required, maxLength, options, dflt,
                    strings(v.get("allowed_file_types")), strings(v.get("allowed_file_extensions")),
                    strings(v.get("allowed_file_upload_methods"))));
        }
        DataFields.throwIfAny(node, problems);
        return out;
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    private static List<String> options(Map<String, Object> v, String p, List<String> problems) {
        Object o = v.get("options");
        if (o == null) {
            return null;
        }
        if (o instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) l;
            return options;
        }
        problems.add(p + ".options must be a list of strings");
        return null;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        StartInputs inputs = new StartInputs(node.id(), declarations(node));
        return ctx -> {
            Map<String, Object> outputs = inputs.apply(ctx.runInputs());
            return NodeResult.of(outputs, outputs);
        };
    }
}
