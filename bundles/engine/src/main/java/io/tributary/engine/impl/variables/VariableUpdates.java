package io.tributary.engine.impl.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.tributary.api.model.JsonValues;
import io.tributary.engine.impl.limits.Limits;

/**
 * Writes back the variable updates a node reports, following Dify's {@code assigner} convention: its
 * {@code process_data.updated_variables} lists {@code {selector, new_value}} entries (the node itself only
 * reads the pool). Only some scopes may be written: the caller decides which ({@code conversation} and the
 * local variables of enclosing loops and iterations). Every entry is checked before the first is written.
 *
 * <p>This is where Dify's {@code MAX_VARIABLE_SIZE} applies (Dify checks it when it builds a conversation or
 * environment variable, {@code variable_factory}): a value written here may not be larger than the limit. Node
 * outputs are not variables in that sense and flow at any size.
 */
public final class VariableUpdates {
    /** The {@code process_data} key. */
    public static final String KEY = "updated_variables";

    private VariableUpdates() {
    }

    /**
     * Applies the updates of one node result.
     *
     * @param processData the result's {@code process_data}
     * @param writable    which node ids (selector heads) may be written
     * @param maxSize     largest value that may be written, bytes of JSON text ({@code MAX_VARIABLE_SIZE})
     * @return {@code null} when applied (or there was nothing to apply), else why nothing was applied
     */
    public static String apply(String nodeId, Map<String, Object> processData, VariablePool pool,
                               Predicate<String> writable, long maxSize) {
        Object raw = processData.get(KEY);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof List<?> list)) {
            return "node '" + nodeId + "': process_data." + KEY + " must be a list";
        }
        List<List<String>> selectors = new ArrayList<>(list.size());
        List<Object> values = new ArrayList<>(list.size());
        for (Object o : list) {
            List<String> selector = o instanceof Map<?, ?> m ? selector(m.get("selector")) : null;
            if (selector == null) {
                return "node '" + nodeId + "': every process_data." + KEY + " entry needs a selector of at least"
                        + " two strings";
            }
            String name = String.join(".", selector);
            if (!writable.test(selector.get(0))) {
                return "node '" + nodeId + "' cannot write variable " + name + ": only conversation variables and"
                        + " the variables of an enclosing loop or iteration can be assigned";
            }
            if (pool.scope(selector.get(0)) == null) {
                return "node '" + nodeId + "' cannot write variable " + name + ": '" + selector.get(0)
                        + "' has no variables";
            }
            Object value = ((Map<?, ?>) o).get("new_value");
            if (ValueSize.of(value, maxSize) > maxSize) {
                return "node '" + nodeId + "' cannot write variable " + name + ": "
                        + Limits.variableTooLarge(ValueSize.of(value, Long.MAX_VALUE), maxSize);
            }
            selectors.add(selector);
            values.add(JsonValues.freezeValue(value));
        }
        for (int i = 0; i < selectors.size(); i++) {
            if (!pool.assign(selectors.get(i), values.get(i))) {
                return "node '" + nodeId + "' cannot write variable " + String.join(".", selectors.get(i))
                        + ": the path does not lead through objects";
            }
        }
        return null;
    }

    private static List<String> selector(Object v) {
        if (!(v instanceof List<?> l) || l.size() < 2) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object e : l) {
            if (!(e instanceof String s)) {
                return null;
            }
            out.add(s);
        }
        return out;
    }
}
