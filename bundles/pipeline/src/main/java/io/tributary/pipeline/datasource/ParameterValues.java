package io.tributary.pipeline.datasource;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a datasource node's {@code datasource_parameters} ({@code name → {type, value}}) the way Dify does
 * (dify.md §1.2, §1.4): a string that begins with a {@code {{#a.b.c#}}} reference, and a selector list, stand for
 * the user input named by their last path element; anything else is a literal.
 */
public final class ParameterValues {
    /** Dify's variable reference; matched at the start of the string only, as Python's {@code re.match}. */
    static final Pattern REFERENCE = Pattern.compile(
            "\\{\\{#([a-zA-Z0-9_]{1,50}(?:\\.[a-zA-Z0-9_][a-zA-Z0-9_]{0,29}){1,10})#\\}\\}");

    private ParameterValues() {
    }

    /** The input names the parameters refer to (for {@code user_input_variables}). */
    public static Set<String> referencedInputs(Map<String, Object> parameters) {
        Set<String> names = new LinkedHashSet<>();
        for (Object p : parameters.values()) {
            String name = reference(value(p));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The parameters with references replaced by {@code inputs[name]} (the literal when that input is absent). */
    public static Map<String, Object> resolve(Map<String, Object> parameters, Map<String, Object> inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((key, p) -> {
            Object literal = value(p);
            String name = reference(literal);
            out.put(key, name != null && inputs.containsKey(name) ? inputs.get(name) : literal);
        });
        return out;
    }

    /** The input name a value refers to, or {@code null}. */
    static String reference(Object value) {
        if (value instanceof String s) {
            Matcher m = REFERENCE.matcher(s);
            if (m.lookingAt()) {
                String path = m.group(1);
                return path.substring(path.lastIndexOf('.') + 1);
            }
            return null;
        }
        if (value instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) != null) {
            return String.valueOf(l.get(l.size() - 1));
        }
        return null;
    }

    private static Object value(Object parameter) {
        return parameter instanceof Map<?, ?> m && m.containsKey("value") ? m.get("value") : parameter;
    }
}
