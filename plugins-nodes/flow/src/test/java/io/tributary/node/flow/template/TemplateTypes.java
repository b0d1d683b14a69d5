package io.tributary.node.flow.template;

import io.tributary.api.node.NodeType;

/** The template-transform node type for tests outside this package. */
public final class TemplateTypes {
    private TemplateTypes() {
    }

    public static NodeType templateTransform(long maxOutputLength) {
        return new TemplateTransformNodeType(maxOutputLength);
    }
}
