package io.tributary.engine.impl.variables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tributary.api.node.Variables;

/**
 * A run's variables: {@code node_id → {name → value}}, values JSON-shaped and immutable. A node's outputs are
 * stored as the node's frozen output map itself (no copy). A child pool (one pass of a container) writes to
 * itself and reads through to its parent.
 *
 * <p>Written only from the run's serial loop; read concurrently by node threads.
 */
public final class VariablePool implements Variables {
    /** Reserved node ids. */
    public static final String SYS = "sys";
    public static final String ENV = "env";
    public static final String CONVERSATION = "conversation";
    public static final String RAG = "rag";

    private final VariablePool parent;
    private final Map<String, Map<String, Object>> scopes;

    public VariablePool(VariablePool parent) {
        this(parent, 16);
    }

    /** A pool sized for {@code expectedIds} node ids (a run's pool: no rehashing while nodes complete). */
    public VariablePool(VariablePool parent, int expectedIds) {
        this.parent = parent;
        this.scopes = new ConcurrentHashMap<>(Math.max(16, expectedIds));
    }

    /** Sets all variables of one node id (or reserved id) at once; {@code values} must be immutable. */
    public void put(String nodeId, Map<String, Object> values) {
        scopes.put(nodeId, values);
    }

    /**
     * Replaces one variable, or a key inside an object variable when the selector is longer than two, in the
     * pool (this one or a parent) that holds the selector's node id. The maps on the way are copied, never
     * changed, so concurrent readers see the old or the new value.
     *
     * @param value JSON-shaped and immutable
     * @return false when no pool holds the node id or a path element is not an object
     */
    public boolean assign(List<String> selector, Object value) {
        for (VariablePool p = this; p != null; p = p.parent) {
            Map<String, Object> vars = p.scopes.get(selector.get(0));
            if (vars != null) {
                Map<String, Object> updated = with(vars, selector, 1, value);
                if (updated == null) {
                    return false;
                }
                p.scopes.put(selector.get(0), updated);
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> with(Map<?, ?> map, List<String> selector, int i, Object value) {
        String key = selector.get(i);
        Object next = value;
        if (i < selector.size() - 1) {
            if (!(map.get(key) instanceof Map<?, ?> inner)) {
                return null;
            }
            next = with(inner, selector, i + 1, value);
            if (next == null) {
                return null;
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        copy.put(key, next);
        return Collections.unmodifiableMap(copy);
    }

    /** The variables of a node id in this pool or its parents, or {@code null}. */
    public Map<String, Object> scope(String nodeId) {
        Map<String, Object> m = scopes.get(nodeId);
        return m != null || parent == null ? m : parent.scope(nodeId);
    }

    @Override
    public Object get(List<String> selector) {
        if (selector == null || selector.size() < 2) {
            return null;
        }
        Map<String, Object> vars = scope(selector.get(0));
        if (vars == null) {
            return null;
        }
        Object v = vars.get(selector.get(1));
        for (int i = 2; i < selector.size() && v != null; i++) {
            v = step(v, selector.get(i));
        }
        return v;
    }

    private static Object step(Object v, String key) {
        if (v instanceof Map<?, ?> m) {
            return m.get(key);
        }
        if (v instanceof List<?> l) {
            try {
                int i = Integer.parseInt(key);
                return i >= 0 && i < l.size() ? l.get(i) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public boolean contains(List<String> selector) {
        if (selector == null || selector.size() < 2) {
            return false;
        }
        Map<String, Object> vars = scope(selector.get(0));
        if (vars == null || !vars.containsKey(selector.get(1))) {
            return false;
        }
        Object v = vars.get(selector.get(1));
        for (int i = 2; i < selector.size(); i++) {
            String key = selector.get(i);
            if (v instanceof Map<?, ?> m && m.containsKey(key)) {
                v = m.get(key);
            } else if (v instanceof List<?> l && step(l, key) != null) {
                v = step(l, key);
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public String render(String template) {
        if (template == null || template.indexOf("{{#") < 0) {
            return template == null ? "" : template;
        }
        return Template.parse(template).render(this);
    }
}
