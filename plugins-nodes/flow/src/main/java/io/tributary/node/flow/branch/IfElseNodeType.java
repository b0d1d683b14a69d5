package io.tributary.node.flow.branch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.DataFields;

/**
 * {@code if-else}: evaluates {@code cases[{case_id, logical_operator, conditions}]} in order and takes the
 * handle of the first case that holds, else {@code false}. The legacy shape (top-level {@code conditions} and
 * {@code logical_operator}) takes {@code true} or {@code false}. Outputs {@code result} and
 * {@code selected_case_id}.
 */
@Component(name = "io.tributary.node.flow.IfElseNodeType", service = NodeType.class)
@NodeTypeProperties(type = "if-else", version = "1.0.0")
public final class IfElseNodeType implements NodeType {

    /** One case; the legacy shape is a single case with id {@code true}. */
    record Case(String id, boolean and, List<Condition> conditions, Map<String, Object> raw) {
    }

    @Override
    public ExecutionType executionType() {
        return ExecutionType.BRANCH;
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        cases(node);
    }

    static List<Case> cases(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> data = node.data();
        List<Case> out = new ArrayList<>();
        if (data.get("cases") != null) {
            List<Map<String, Object>> raw = DataFields.objects(data, "cases", problems);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                Map<String, Object> c = raw.get(i);
                String path = "cases[" + i + "]";
                String id = DataFields.string(c, "case_id");
                if (id == null || id.isBlank()) {
                    problems.add(path + ".case_id is required");
                } else if (!ids.add(id)) {
                    problems.add(path + ".case_id '" + id + "' is used twice");
                } else if (id.equals("false")) {
                    problems.add(path + ".case_id 'false' is reserved for the else branch");
                }
                boolean and = "and".equals(Condition.logical(c, path, problems));
                List<Condition> conds = Condition.parseAll(DataFields.objects(c, "conditions", path + ".conditions", problems),
                        path + ".conditions", problems);
                out.add(new Case(id, and, conds, c));
            }
        } else if (data.get("conditions") != null) {
            boolean and = "and".equals(Condition.logical(data, "", problems));
            List<Condition> conds = Condition.parseAll(DataFields.objects(data, "conditions", problems), "conditions", problems);
            out.add(new Case("true", and, conds, null));
        } else {
            problems.add("'cases' is required (a list of {case_id, logical_operator, conditions})");
        }
        DataFields.throwIfAny(node, problems);
        return out;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<Case> cases = cases(node);
        return ctx -> {
            ConditionEvaluator evaluator = new ConditionEvaluator(ctx.variables());
            List<Map<String, Object>> results = new ArrayList<>();
            List<Map<String, Object>> inputs = List.of();
            String selected = "false";
            for (Case c : cases) {
                ConditionEvaluator.Outcome o = evaluator.evaluate(c.conditions(), c.and());
                inputs = o.inputs();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("group", c.raw() == null ? "default" : c.raw());
                r.put("results", o.results());
                r.put("final_result", o.result());
                results.add(r);
                if (o.result()) {
                    selected = c.id();
                    break;
                }
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("result", !selected.equals("false"));
            outputs.put("selected_case_id", selected);
            return new NodeResult(Map.of("conditions", inputs), Map.of("condition_results", results), outputs, null,
                    selected);
        };
    }
}
