package io.tributary.node.flow.variables;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;

/**
 * {@code variable-assigner}: the legacy type string of {@code variable-aggregator} (old Dify DSLs), with the
 * same data and behaviour. Not to be confused with {@code assigner}, which writes conversation variables.
 */
@Component(name = "io.tributary.node.flow.LegacyVariableAssignerNodeType", service = NodeType.class)
@NodeTypeProperties(type = "variable-assigner", version = "1.0.0")
public final class LegacyVariableAssignerNodeType extends VariableAggregatorNodeType {
}
