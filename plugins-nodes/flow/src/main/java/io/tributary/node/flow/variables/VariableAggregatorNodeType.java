package io.tributary.node.flow.variables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.node.Variables;

import io.tributary.node.flow.DataFields;

/**
 * {@code variable-aggregator}: output {@code output} is the first of {@code variables} (selectors) that has a
 * non-null value. With {@code advanced_settings.group_enabled}, each of {@code groups[{group_name,
 * variables}]} yields {@code {group_name: {output: value}}} (groups without a value are left out, as in Dify).
 */
@Component(name = "io.tributary.node.flow.VariableAggregatorNodeType", service = NodeType.class)
@NodeTypeProperties(type = "variable-aggregator", version = "1.0.0")
public class VariableAggregatorNodeType implements NodeType {

    /** A named group of candidate selectors; the ungrouped form is one group named {@code null}. */
    record Group(String name, List<List<String>> selectors) {
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        groups(node);
    }

    static List<Group> groups(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> settings = DataFields.object(node.data(), "advanced_settings", "advanced_settings", problems);
        boolean grouped = DataFields.bool(settings, "group_enabled", false, "advanced_settings.group_enabled", problems);
        List<Group> out = new ArrayList<>();
        if (grouped) {
            List<Map<String, Object>> raw = DataFields.objects(settings, "groups", "advanced_settings.groups", problems);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                String path = "advanced_settings.groups[" + i + "]";
                String name = DataFields.string(raw.get(i), "group_name");
                if (name == null || name.isBlank()) {
                    problems.add(path + ".group_name is required");
                } else if (!names.add(name)) {
                    problems.add(path + ".group_name '" + name + "' is used twice");
                }
                out.add(new Group(name, selectors(raw.get(i).get("variables"), path + ".variables", problems)));
            }
        } else {
            out.add(new Group(null, selectors(node.data().get("variables"), "variables", problems)));
        }
        DataFields.throwIfAny(node, problems);
        return out;
    }

    private static List<List<String>> selectors(Object raw, String path, List<String> problems) {
        List<List<String>> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof List<?> list)) {
            problems.add("'" + path + "' must be a list of selectors");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            List<String> s = NodeData.selectorOf(list.get(i));
            if (s == null) {
                problems.add(path + "[" + i + "] must be a list of at least two strings");
            } else {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<Group> groups = groups(node);
        return ctx -> {
            Map<String, Object> inputs = new LinkedHashMap<>();
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (Group g : groups) {
                List<String> hit = first(g.selectors(), ctx.variables());
                if (hit == null) {
                    continue;
                }
                Object value = ctx.variables().get(hit);
                inputs.put(String.join(".", hit.subList(1, hit.size())), value);
                if (g.name() == null) {
                    outputs.put("output", value);
                } else {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("output", value);
                    outputs.put(g.name(), o);
                }
            }
            return NodeResult.of(inputs, outputs);
        };
    }

    private static List<String> first(List<List<String>> selectors, Variables vars) {
        for (List<String> s : selectors) {
            if (vars.get(s) != null) {
                return s;
            }
        }
        return null;
    }
}
