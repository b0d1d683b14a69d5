package io.tributary.engine.impl.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.engine.impl.variables.Template;

/**
 * The streaming template of a response node, read from Dify's data shapes: an {@code answer} node's
 * {@code data.answer} text (literal text and variable references), an {@code end} node's
 * {@code data.outputs[].value_selector} in order. Other response nodes have none.
 */
public final class ResponseTemplate {
    private ResponseTemplate() {
    }

    /** The template's parts ({@link String} text, {@link Template.Ref} variables), or empty. */
    public static List<Object> of(GraphNode node) {
        Map<String, Object> data = node.data();
        if (data.get("answer") instanceof String answer) {
            return Template.parse(answer).parts();
        }
        if (data.get("outputs") instanceof List<?> outputs) {
            List<Object> parts = new ArrayList<>();
            for (Object o : outputs) {
                if (o instanceof Map<?, ?> m && m.get("value_selector") instanceof List<?> sel && sel.size() >= 2
                        && sel.stream().allMatch(String.class::isInstance)) {
                    parts.add(new Template.Ref(sel.stream().map(String.class::cast).toList()));
                }
            }
            return parts;
        }
        return List.of();
    }
}
