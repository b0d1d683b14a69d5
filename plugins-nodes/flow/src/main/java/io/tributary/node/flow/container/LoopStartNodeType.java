package io.tributary.node.flow.container;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;

/** {@code loop-start}: the root of a loop's child graph. */
@Component(name = "io.tributary.node.flow.LoopStartNodeType", service = NodeType.class)
@NodeTypeProperties(type = "loop-start", version = "1.0.0")
public final class LoopStartNodeType extends ContainerStartNodeType {
}
