package io.tributary.node.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.node.Variables;

/**
 * {@code answer} (chatflow): renders {@code data.answer}, a Dify template, into output {@code answer}; files
 * referenced by the template are collected into {@code files}. The engine streams it in template order.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "answer", version = "1.0.0")
public final class AnswerNodeType implements NodeType {
    @Override
    public ExecutionType executionType() {
        return ExecutionType.RESPONSE;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        template(node);
    }

    static String template(GraphNode node) throws NodeValidationException {
        NodeData d = NodeData.of(node);
        Object answer = d.raw("answer");
        if (!(answer instanceof String)) {
            d.problem("answer", answer == null ? "is required (the answer template)" : "must be text");
        }
        d.throwIfInvalid();
        return (String) answer;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        String template = template(node);
        return ctx -> {
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("answer", ctx.variables().render(template));
            outputs.put("files", files(template, ctx.variables()));
            return NodeResult.of(outputs);
        };
    }

    /** Every file, or file of an array, that the template references. */
    static List<Object> files(String template, Variables variables) {
        List<Object> files = new ArrayList<>();
        for (List<String> selector : NodeData.references(template)) {
            Object v = variables.get(selector);
            if (Values.isFile(v)) {
                files.add(v);
            } else if (v instanceof List<?> l && l.stream().allMatch(Values::isFile)) {
                files.addAll(l);
            }
        }
        return files;
    }
}
