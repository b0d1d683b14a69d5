package io.tributary.node.flow.container;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.api.node.NodeData;
import io.tributary.api.node.Variables;

/**
 * The container's variables with its own locals ({@code [container_id, name]}) laid over them, for conditions
 * a container evaluates outside any pass (a loop's break conditions before the first pass). References to
 * the locals render as Dify's text (strings as they are, other values as JSON); the rest is rendered by the
 * underlying variables.
 */
final class ScopedVariables implements Variables {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Variables base;
    private final String scopeId;
    private final Map<String, Object> locals;

    ScopedVariables(Variables base, String scopeId, Map<String, Object> locals) {
        this.base = base;
        this.scopeId = scopeId;
        this.locals = locals;
    }

    @Override
    public Object get(List<String> selector) {
        if (selector == null || selector.size() < 2 || !scopeId.equals(selector.get(0))) {
            return base.get(selector);
        }
        Object v = locals.get(selector.get(1));
        for (int i = 2; i < selector.size() && v != null; i++) {
            v = v instanceof Map<?, ?> m ? m.get(selector.get(i)) : null;
        }
        return v;
    }

    @Override
    public boolean contains(List<String> selector) {
        if (selector == null || selector.size() < 2 || !scopeId.equals(selector.get(0))) {
            return base.contains(selector);
        }
        Object v = locals;
        for (int i = 1; i < selector.size(); i++) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(selector.get(i))) {
                return false;
            }
            v = m.get(selector.get(i));
        }
        return true;
    }

    @Override
    public String render(String template) {
        if (template == null || !template.contains("{{#" + scopeId + ".")) {
            return base.render(template);
        }
        Matcher m = NodeData.REFERENCE.matcher(template);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            List<String> selector = Arrays.asList(m.group(1).split("\\."));
            if (scopeId.equals(selector.get(0))) {
                sb.append(base.render(template.substring(last, m.start()))).append(text(get(selector)));
                last = m.end();
            }
        }
        return sb.append(base.render(template.substring(last))).toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }
}
