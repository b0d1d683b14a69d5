package io.tributary.node.testkit;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

/** {@code echo}: outputs {@code text} = {@code data.text} rendered as a template, and the bundle version. */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "echo")
public final class EchoNodeType implements NodeType {

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        Object text = node.data().get("text");
        if (text != null && !(text instanceof String)) {
            throw new NodeValidationException("node '" + node.id() + "': data.text must be a string");
        }
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        validate(node);
        String template = (String) node.data().getOrDefault("text", "");
        Bundle bundle = FrameworkUtil.getBundle(EchoNodeType.class);
        String version = bundle == null ? "" : bundle.getVersion().toString();
        return ctx -> NodeResult.of(Map.of("text", ctx.variables().render(template), "version", version));
    }
}
