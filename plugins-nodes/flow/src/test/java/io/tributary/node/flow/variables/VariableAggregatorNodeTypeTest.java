package io.tributary.node.flow.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.TestContext;

class VariableAggregatorNodeTypeTest {

    @Test
    void outputsTheFirstNonNullVariable() throws Exception {
        GraphNode node = new GraphNode("agg", "variable-aggregator", null, "", Map.of("output_type", "string",
                "variables", List.of(List.of("a", "text"), List.of("b", "text"), List.of("c", "text"))));
        TestContext ctx = new TestContext(node, Map.of()).put("a", "text", null).put("b", "text", "from b")
                .put("c", "text", "from c");
        NodeResult r = new VariableAggregatorNodeType().create(node).execute(ctx);
        assertEquals(Map.of("output", "from b"), r.outputs());
        assertEquals(Map.of("text", "from b"), r.inputs());
        NodeResult none = new VariableAggregatorNodeType().create(node).execute(new TestContext(node, Map.of()));
        assertEquals(Map.of(), none.outputs());
    }

    @Test
    void groupsOutputOnePerGroup() throws Exception {
        GraphNode node = new GraphNode("agg", "variable-aggregator", null, "", Map.of("advanced_settings", Map.of(
                "group_enabled", true, "groups", List.of(
                        Map.of("group_name", "text", "output_type", "string",
                                "variables", List.of(List.of("x", "t"), List.of("y", "t"))),
                        Map.of("group_name", "files", "output_type", "array[file]",
                                "variables", List.of(List.of("x", "f"))),
                        Map.of("group_name", "empty", "output_type", "string",
                                "variables", List.of(List.of("z", "t")))))));
        TestContext ctx = new TestContext(node, Map.of()).put("y", "t", "yt").put("x", "f", List.of());
        NodeResult r = new VariableAggregatorNodeType().create(node).execute(ctx);
        assertEquals(Map.of("text", Map.of("output", "yt"), "files", Map.of("output", List.of())), r.outputs());
    }

    @Test
    void legacyVariableAssignerTypeBehavesTheSame() throws Exception {
        GraphNode node = new GraphNode("va", "variable-assigner", null, "", Map.of(
                "variables", List.of(List.of("a", "n"))));
        NodeResult r = new LegacyVariableAssignerNodeType().create(node).execute(
                new TestContext(node, Map.of()).put("a", "n", 3));
        assertEquals(Map.of("output", 3), r.outputs());
    }

    @Test
    void validationNamesTheField() {
        GraphNode node = new GraphNode("agg", "variable-aggregator", null, "", Map.of("advanced_settings", Map.of(
                "group_enabled", true, "groups", List.of(Map.of("variables", List.of("a.b")),
                        Map.of("group_name", "g", "variables", "nope")))));
        assertEquals(List.of("node 'agg': advanced_settings.groups[0].group_name is required",
                "node 'agg': advanced_settings.groups[0].variables[0] must be a list of at least two strings",
                "node 'agg': 'advanced_settings.groups[1].variables' must be a list of selectors"),
                assertThrows(NodeValidationException.class, () -> new VariableAggregatorNodeType().validate(node)).problems());
    }
}
