package io.tributary.engine.impl.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dify template split into literal text and variable references {@code {{#node_id.var(.path)*#}}}, with
 * Dify's limits: a node id of 1–50 characters {@code [a-zA-Z0-9_]}, then 1–10 segments
 * {@code .[a-zA-Z_][a-zA-Z0-9_]{0,29}}. Anything else stays literal text.
 *
 * @param parts the parts in order: {@link String} literals and {@link Ref} references
 */
public record Template(List<Object> parts) {
    /** Dify's variable pattern. */
    public static final Pattern VARIABLE = Pattern
            .compile("\\{\\{#([a-zA-Z0-9_]{1,50}(?:\\.[a-zA-Z_][a-zA-Z0-9_]{0,29}){1,10})#}}");

    /** A variable reference: its selector {@code [node_id, name, ...path]}. */
    public record Ref(List<String> selector) {
    }

    /** Parses a template; never fails. */
    public static Template parse(String template) {
        List<Object> parts = new ArrayList<>();
        if (template == null || template.isEmpty()) {
            return new Template(parts);
        }
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(template.substring(last, m.start()));
            }
            parts.add(new Ref(List.of(m.group(1).split("\\."))));
            last = m.end();
        }
        if (last < template.length()) {
            parts.add(template.substring(last));
        }
        return new Template(List.copyOf(parts));
    }

    /** True when the template has at least one variable reference (cheap pre-check before rendering). */
    public static boolean hasVariables(String template) {
        return template != null && template.contains("{{#") && VARIABLE.matcher(template).find();
    }

    /** Renders against a pool: references become their values' text (missing ones become empty). */
    public String render(VariablePool pool) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Ref r) {
                sb.append(Json.text(pool.get(r.selector())));
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }

}
