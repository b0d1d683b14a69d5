package io.tributary.node.flow;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeType;
import io.tributary.node.flow.http.HttpTypes;

import io.tributary.node.flow.branch.IfElseNodeType;
import io.tributary.node.flow.container.IterationNodeType;
import io.tributary.node.flow.container.IterationStartNodeType;
import io.tributary.node.flow.container.LoopEndNodeType;
import io.tributary.node.flow.container.LoopNodeType;
import io.tributary.node.flow.container.LoopStartNodeType;
import io.tributary.node.flow.list.ListOperatorNodeType;
import io.tributary.node.flow.template.TemplateTypes;
import io.tributary.node.flow.variables.AssignerV1NodeType;
import io.tributary.node.flow.variables.AssignerV2NodeType;
import io.tributary.node.flow.variables.LegacyVariableAssignerNodeType;
import io.tributary.node.flow.variables.VariableAggregatorNodeType;

/** Every node type of this bundle as plain objects, keyed {@code type@version}, for graph tests. */
public final class FlowTypes {
    private FlowTypes() {
    }

    public static Map<String, NodeType> all(SsrfGuard guard) {
        Map<String, NodeType> m = new LinkedHashMap<>();
        m.put("start@1.0.0", new StartNodeType());
        m.put("end@1.0.0", new EndNodeType());
        m.put("answer@1.0.0", new AnswerNodeType());
        m.put("if-else@1.0.0", new IfElseNodeType());
        m.put("variable-aggregator@1.0.0", new VariableAggregatorNodeType());
        m.put("variable-assigner@1.0.0", new LegacyVariableAssignerNodeType());
        m.put("template-transform@1.0.0", TemplateTypes.templateTransform(400_000));
        m.put("list-operator@1.0.0", new ListOperatorNodeType());
        m.put("assigner@1.0.0", new AssignerV1NodeType());
        m.put("assigner@2.0.0", new AssignerV2NodeType());
        m.put("http-request@1.0.0", HttpTypes.httpRequest(guard));
        m.put("iteration@1.0.0", new IterationNodeType());
        m.put("iteration-start@1.0.0", new IterationStartNodeType());
        m.put("loop@1.0.0", new LoopNodeType());
        m.put("loop-start@1.0.0", new LoopStartNodeType());
        m.put("loop-end@1.0.0", new LoopEndNodeType());
        return m;
    }
}
