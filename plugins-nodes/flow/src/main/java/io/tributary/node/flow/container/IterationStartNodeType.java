package io.tributary.node.flow.container;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;

/** {@code iteration-start}: the root of an iteration's child graph. */
@Component(name = "io.tributary.node.flow.IterationStartNodeType", service = NodeType.class)
@NodeTypeProperties(type = "iteration-start", version = "1.0.0")
public final class IterationStartNodeType extends ContainerStartNodeType {
}
