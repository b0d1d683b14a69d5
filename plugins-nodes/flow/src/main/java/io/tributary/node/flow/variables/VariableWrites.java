package io.tributary.node.flow.variables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.node.NodeResult;
import io.tributary.api.node.Variables;

import io.tributary.node.flow.Values;

/**
 * The variable updates of one {@code assigner} execution. Reads see earlier writes of the same node. The
 * result carries them for the engine to write back:
 * <ul>
 * <li>{@code outputs}: one entry per updated variable, keyed by its selector joined with dots
 *     ({@code "conversation.counter" -> 3}); the engine writes each to the pool at that selector.</li>
 * <li>{@code process_data.updated_variables}: Dify's shape, {@code [{name, selector, value_type, new_value}]}.</li>
 * </ul>
 */
public final class VariableWrites {
    private final Variables variables;
    private final Map<String, List<String>> selectors = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    VariableWrites(Variables variables) {
        this.variables = variables;
    }

    static String key(List<String> selector) {
        return String.join(".", selector);
    }

    boolean exists(List<String> selector) {
        return values.containsKey(key(selector)) || variables.contains(selector);
    }

    Object get(List<String> selector) {
        String k = key(selector);
        return values.containsKey(k) ? values.get(k) : variables.get(selector);
    }

    void put(List<String> selector, Object value) {
        String k = key(selector);
        selectors.putIfAbsent(k, List.copyOf(selector));
        values.put(k, value);
    }

    NodeResult result(Map<String, Object> inputs) {
        List<Map<String, Object>> updated = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            List<String> s = selectors.get(e.getKey());
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("name", s.get(s.size() - 1));
            u.put("selector", s);
            u.put("value_type", Values.typeName(e.getValue()));
            u.put("new_value", e.getValue());
            updated.add(u);
        }
        return new NodeResult(inputs, Map.of("updated_variables", updated), values, null, null);
    }

    /** The empty value of a variable's type: "", 0, false, {}, [] (null stays null). */
    static Object zero(Object current) {
        if (current instanceof String) {
            return "";
        }
        if (current instanceof Number) {
            return 0L;
        }
        if (current instanceof Boolean) {
            return false;
        }
        if (current instanceof List) {
            return List.of();
        }
        if (current instanceof Map && !Values.isFile(current)) {
            return Map.of();
        }
        return null;
    }
}
